package io.outagewatch.scenario;

import io.outagewatch.events.ProbeResult;

/** The ways a generated probe can fail, named with the error classes the HTTP prober reports. */
public enum ProbeFailure {
    TIMEOUT("timeout", null),
    HTTP_502("http_502", 502),
    HTTP_503("http_503", 503),
    CONNECT("connect", null),
    DNS("dns", null);

    private final String error;
    private final Integer statusCode;

    ProbeFailure(String error, Integer statusCode) {
        this.error = error;
        this.statusCode = statusCode;
    }

    public String error() {
        return error;
    }

    /** Whether the service answered at all, so that a latency was measured. */
    public boolean answered() {
        return statusCode != null;
    }

    /**
     * The failed form of {@code probe}. Latency is kept only when the service answered, because the
     * wire contract leaves it absent when no response arrived.
     */
    public ProbeResult applyTo(ProbeResult probe, double answerLatencyMs) {
        return new ProbeResult(
                probe.service(),
                probe.vantage(),
                probe.region(),
                probe.target(),
                probe.timestamp(),
                false,
                answered() ? answerLatencyMs : null,
                statusCode,
                error);
    }
}
