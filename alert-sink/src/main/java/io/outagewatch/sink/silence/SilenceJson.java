package io.outagewatch.sink.silence;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.outagewatch.events.Severity;
import java.time.Instant;
import java.util.Locale;

/** A silence as JSON, for the HTTP API and {@code silence list --json}. */
public final class SilenceJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SilenceJson() {}

    /** Where a silence stands at an instant. */
    public enum State {
        PENDING,
        ACTIVE,
        EXPIRED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static State of(Silence silence, Instant now) {
            if (silence.endedAt(now)) {
                return EXPIRED;
            }
            return now.isBefore(silence.startsAt()) ? PENDING : ACTIVE;
        }
    }

    /** Every field; {@code severity} and {@code region} only when set; {@code state} at now. */
    public static ObjectNode node(Silence silence, Instant now) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", silence.id()).put("service", silence.service());
        silence.severity().map(Severity::name).ifPresent(s -> node.put("severity", s));
        silence.region().ifPresent(r -> node.put("region", r));
        node.put("startsAt", silence.startsAt().toString())
                .put("endsAt", silence.endsAt().toString())
                .put("createdBy", silence.createdBy())
                .put("comment", silence.comment())
                .put("createdAt", silence.createdAt().toString())
                .put("source", silence.source().wireName())
                .put("state", State.of(silence, now).wireName());
        return node;
    }

    public static ObjectMapper mapper() {
        return JSON;
    }
}
