package io.outagewatch.ingest.statuspage;

import java.util.concurrent.atomic.AtomicLong;

/** Counters of one page's polls since the start. */
public final class PollStats {
    final AtomicLong polls = new AtomicLong();
    final AtomicLong notModified = new AtomicLong();
    final AtomicLong published = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    final AtomicLong rateLimited = new AtomicLong();
    final AtomicLong malformed = new AtomicLong();
    final AtomicLong skippedIncidents = new AtomicLong();

    public long polls() {
        return polls.get();
    }

    /** Polls answered 304. */
    public long notModified() {
        return notModified.get();
    }

    /** Status updates handed to the publisher. */
    public long published() {
        return published.get();
    }

    /** Polls that failed: no answer, an error status or a too-large body. */
    public long failed() {
        return failed.get();
    }

    /** Polls answered 429. */
    public long rateLimited() {
        return rateLimited.get();
    }

    /** Documents that were not the promised JSON. */
    public long malformed() {
        return malformed.get();
    }

    /** Incidents skipped as unreadable, unmapped or invalid. */
    public long skippedIncidents() {
        return skippedIncidents.get();
    }

    @Override
    public String toString() {
        return "polls="
                + polls()
                + " notModified="
                + notModified()
                + " published="
                + published()
                + " failed="
                + failed()
                + " rateLimited="
                + rateLimited()
                + " malformed="
                + malformed()
                + " skippedIncidents="
                + skippedIncidents();
    }
}
