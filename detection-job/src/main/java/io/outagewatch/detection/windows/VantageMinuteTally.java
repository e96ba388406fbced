package io.outagewatch.detection.windows;

import java.util.HashMap;
import java.util.Map;

/** One vantage's minute so far, per service it probed. A Flink POJO: it sits in window state. */
public final class VantageMinuteTally {

    public Map<String, ServiceProbeTally> services = new HashMap<>();

    /**
     * Whether {@link #smallestLeadMillis} holds a probe's lead: false in a new tally, and in one
     * restored from a savepoint taken before leads were measured, so neither looks like a clock
     * infinitely ahead.
     */
    public boolean leadMeasured;

    /** The smallest lead over the watermark of the vantage's probes in the minute, all services. */
    public long smallestLeadMillis;

    public VantageMinuteTally() {}

    void addLead(long leadMillis) {
        if (!leadMeasured || leadMillis < smallestLeadMillis) {
            smallestLeadMillis = leadMillis;
            leadMeasured = true;
        }
    }

    void mergeLead(VantageMinuteTally other) {
        if (other.leadMeasured) {
            addLead(other.smallestLeadMillis);
        }
    }
}
