package io.outagewatch.detection.records;

/** One vantage's probes of one service in one minute. */
public record VantageCounts(String region, int probes, int failures, int timeouts) {

    public double failureRate() {
        return probes == 0 ? 0.0 : (double) failures / probes;
    }
}
