package io.outagewatch.sink.silence;

import io.outagewatch.events.Alert;
import io.outagewatch.events.Ids;
import io.outagewatch.events.Severity;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A silence: while it lasts, alerts its matchers match are not paged. It matches an alert when the
 * service is the alert's, the severity (when given) is the alert's, and the region (when given) is
 * the only region the alert affects; and when the time the alert describes ({@link
 * #eventTime(Alert)}) falls inside {@code [startsAt, endsAt)}. Matching on event time silences a
 * backfill the same way as a live stream.
 *
 * @param id unique; {@code s-…} for silences people make, {@code announced-…} for maintenances a
 *     status page announced, {@code window-…} for an occurrence of a configured maintenance window
 * @param service the catalog id of the service silenced
 * @param severity only alerts of this severity, when present
 * @param region only alerts that affect this region and no other, when present
 * @param startsAt the first instant silenced
 * @param endsAt the first instant no longer silenced; not before {@code startsAt}
 * @param createdBy who made it
 * @param comment why
 * @param createdAt when it was made
 * @param source how it was made
 */
public record Silence(
        String id,
        String service,
        Optional<Severity> severity,
        Optional<String> region,
        Instant startsAt,
        Instant endsAt,
        String createdBy,
        String comment,
        Instant createdAt,
        Source source) {

    public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,127}");
    public static final int CREATED_BY_MAX_CHARS = 256;
    public static final int COMMENT_MAX_CHARS = 1024;

    private static final int RANDOM_ID_BYTES = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    public Silence {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("silence id '" + id + "' must match " + ID);
        }
        if (service == null || !Ids.isValid(service)) {
            throw new IllegalArgumentException(
                    "service '" + service + "' is not a catalog id (" + Ids.PATTERN + ")");
        }
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(region, "region");
        region.ifPresent(
                r -> {
                    if (!Ids.isValid(r)) {
                        throw new IllegalArgumentException(
                                "region '" + r + "' is not an id (" + Ids.PATTERN + ")");
                    }
                });
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(endsAt, "endsAt");
        if (endsAt.isBefore(startsAt)) {
            throw new IllegalArgumentException(
                    "the end " + endsAt + " is before the start " + startsAt);
        }
        createdBy = text("createdBy", createdBy, CREATED_BY_MAX_CHARS);
        comment = text("comment", comment, COMMENT_MAX_CHARS);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(source, "source");
    }

    /**
     * A new silence made by a person, with a fresh random id.
     *
     * @throws IllegalArgumentException with a message for people when a field is wrong, e.g. an end
     *     that is not after the start or a missing comment
     */
    public static Silence create(
            String service,
            Optional<Severity> severity,
            Optional<String> region,
            Instant startsAt,
            Instant endsAt,
            String createdBy,
            String comment,
            Instant createdAt) {
        if (!endsAt.isAfter(startsAt)) {
            throw new IllegalArgumentException(
                    "the end " + endsAt + " is not after the start " + startsAt);
        }
        return new Silence(
                newId(),
                service,
                severity,
                region,
                startsAt,
                endsAt,
                createdBy,
                comment,
                createdAt,
                Source.MANUAL);
    }

    /** {@code s-} and 16 random hex digits. */
    public static String newId() {
        byte[] bytes = new byte[RANDOM_ID_BYTES];
        RANDOM.nextBytes(bytes);
        return "s-" + HexFormat.of().formatHex(bytes);
    }

    /**
     * The time an alert describes: its recovery for a recovery, otherwise the minute it speaks for
     * ({@link Alert#asOf()}); an alert written before that field existed is judged by its
     * incident's detection.
     */
    public static Instant eventTime(Alert alert) {
        if (alert.recoveredAt() != null) {
            return alert.recoveredAt();
        }
        return alert.asOf() != null ? alert.asOf() : alert.detectedAt();
    }

    /** Whether the matchers match the alert, whatever its time. */
    public boolean matches(Alert alert) {
        return service.equals(alert.service())
                && severity.map(s -> s == alert.severity()).orElse(true)
                && region.map(
                                r ->
                                        !alert.regions().isEmpty()
                                                && alert.regions().stream().allMatch(r::equals))
                        .orElse(true);
    }

    /** Whether the instant is inside {@code [startsAt, endsAt)}. */
    public boolean covers(Instant instant) {
        return !instant.isBefore(startsAt) && instant.isBefore(endsAt);
    }

    /** Whether the silence matches the alert and covers the time the alert describes. */
    public boolean silences(Alert alert) {
        return matches(alert) && covers(eventTime(alert));
    }

    /** This silence ended at {@code now}, or made empty when it has not started yet. */
    public Silence expiredAt(Instant now) {
        Instant end = now.isBefore(startsAt) ? startsAt : now;
        if (!end.isBefore(endsAt)) {
            return this;
        }
        return new Silence(
                id, service, severity, region, startsAt, end, createdBy, comment, createdAt,
                source);
    }

    /** Whether it has ended at {@code now}; an empty one (expired before it began) has. */
    public boolean endedAt(Instant now) {
        return !now.isBefore(endsAt) || !endsAt.isAfter(startsAt);
    }

    private static String text(String field, String value, int maxChars) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        String stripped = value.strip();
        if (stripped.length() > maxChars) {
            throw new IllegalArgumentException(
                    field + " is longer than " + maxChars + " characters");
        }
        return stripped;
    }

    /** How a silence came to be. */
    public enum Source {
        /** Made by a person, with {@code bin/outagewatch silence} or the HTTP API. */
        MANUAL,
        /** A maintenance the service announced on its status page. */
        ANNOUNCED,
        /** An occurrence of a maintenance window in the sink's config. */
        WINDOW;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * @throws IllegalArgumentException for an unknown name
         */
        public static Source fromWire(String text) {
            for (Source source : values()) {
                if (source.wireName().equals(text)) {
                    return source;
                }
            }
            throw new IllegalArgumentException("unknown silence source '" + text + "'");
        }
    }
}
