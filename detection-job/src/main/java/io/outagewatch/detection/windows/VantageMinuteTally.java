package io.outagewatch.detection.windows;

import java.util.HashMap;
import java.util.Map;

/** One vantage's minute so far, per service it probed. A Flink POJO: it sits in window state. */
public final class VantageMinuteTally {

    public Map<String, ServiceProbeTally> services = new HashMap<>();

    public VantageMinuteTally() {}
}
