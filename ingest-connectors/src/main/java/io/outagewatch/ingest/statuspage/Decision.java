package io.outagewatch.ingest.statuspage;

/** Why the change detector did or did not publish an incident. */
public enum Decision {
    /** First sight of the incident: published. */
    NEW(true),
    /** A newer update time than the one last published: published. */
    UPDATED(true),
    /** The same update time but another status: published. */
    STATUS_CHANGED(true),
    /** Gone from a page that lists ongoing incidents only: published as resolved at poll time. */
    DISAPPEARED(true),
    /** Same update time and status as last published. */
    UNCHANGED(false),
    /** An older update time than last published, e.g. a stale CDN copy: ignored. */
    STALE(false),
    /**
     * First seen already resolved and older than the backfill window: remembered, not published.
     */
    OLD_RESOLVED(false),
    /** None of its components maps to a service and the page has no default service. */
    UNMAPPED(false),
    /** The incident breaks the StatusUpdate contract (e.g. an over-long id): skipped. */
    INVALID(false);

    private final boolean publishes;

    Decision(boolean publishes) {
        this.publishes = publishes;
    }

    public boolean publishes() {
        return publishes;
    }
}
