package io.outagewatch.ingest.statuspage;

import java.time.Duration;

/**
 * The result of one poll of one page.
 *
 * @param result what happened
 * @param published status updates published
 * @param nextPollIn when the page should be polled again
 */
public record PollOutcome(Result result, int published, Duration nextPollIn) {

    /** What one poll found. */
    public enum Result {
        /** A document arrived and was compared; {@code published} may be 0. */
        READ(true),
        /** 304. */
        NOT_MODIFIED(true),
        /** 429. */
        RATE_LIMITED(false),
        /** No answer, an error status or a too-large body. */
        FAILED(false),
        /** A document that is not the promised JSON. */
        MALFORMED(false);

        private final boolean ok;

        Result(boolean ok) {
            this.ok = ok;
        }

        public boolean ok() {
            return ok;
        }
    }
}
