package io.outagewatch.detection.incident;

/** What the probes of one service said about one minute, after quorum and vantage isolation. */
public enum ProbeSignal {
    /**
     * No probe of the service arrived in the minute (social-only service, or the probers are
     * silent).
     */
    NO_DATA,
    HEALTHY,
    /** Some failures, but not from a quorum of vantages: noise, not an outage. */
    NOISE,
    /** A quorum of vantages fails across regions. */
    OUTAGE,
    /** The vantages of some regions fail while other regions are healthy. */
    REGIONAL_OUTAGE,
    /** Latency far above its baseline with rising timeouts, but requests mostly succeed. */
    DEGRADED;

    boolean isAnomalous() {
        return this == OUTAGE || this == REGIONAL_OUTAGE || this == DEGRADED;
    }

    boolean hasData() {
        return this != NO_DATA;
    }
}
