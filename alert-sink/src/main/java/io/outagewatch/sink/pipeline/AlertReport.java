package io.outagewatch.sink.pipeline;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the pipeline did with one alert, receiver by receiver: a reason for each, not a boolean.
 *
 * @param receivers in routing order; empty when no route and no default receiver matched
 * @param silencedBy the silence that held the alert back from paging receivers, if one did
 */
public record AlertReport(
        String incidentId, int version, List<Result> receivers, Optional<String> silencedBy) {

    public AlertReport {
        receivers = List.copyOf(receivers);
        Objects.requireNonNull(silencedBy, "silencedBy");
    }

    /** A report on an alert no silence held back. */
    public AlertReport(String incidentId, int version, List<Result> receivers) {
        this(incidentId, version, receivers, Optional.empty());
    }

    /** Why a receiver is done with the alert. */
    public enum Reason {
        /** Accepted now. */
        DELIVERED,
        /** Refused now; a dead letter was published and the refusal logged. */
        REJECTED,
        /**
         * Retries ran out; a dead letter was published but nothing logged, so replaying the dead
         * letter (or reading the record again) delivers it once the receiver is back.
         */
        EXHAUSTED,
        /**
         * A newer version of the incident was delivered already; sending this one would undo it.
         */
        SUPERSEDED,
        /** The delivery log says it was accepted before (a redelivered record). */
        ALREADY_DELIVERED,
        /** The delivery log says it was refused before. */
        ALREADY_REJECTED,
        /**
         * A silence holds it back from this paging receiver: nothing sent, nothing logged; the
         * incident's latest state is paged when the silence ends while it is still open.
         */
        SILENCED
    }

    /**
     * @param attempts delivery attempts made now; 0 when the delivery log already had an outcome
     * @param detail the receiver's last answer, or the logged outcome's time
     */
    public record Result(String receiver, Reason reason, int attempts, String detail) {}

    public long count(Reason reason) {
        return receivers.stream().filter(r -> r.reason() == reason).count();
    }
}
