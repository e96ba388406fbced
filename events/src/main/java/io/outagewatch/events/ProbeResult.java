package io.outagewatch.events;

import java.io.Serializable;
import java.time.Instant;

/**
 * One synthetic check of a service from one vantage point. Topic {@link Topics#PROBE_RESULTS},
 * keyed by {@link #service()}.
 *
 * @param service the probed service's catalog id
 * @param vantage the probing location's id
 * @param region the service region the probe targeted, when the service is regional
 * @param target the probed URL
 * @param timestamp when the probe started
 * @param success whether the probe judged the service healthy
 * @param latencyMs time to response; absent when no response arrived
 * @param statusCode HTTP status of the response, when there was one
 * @param error why the probe failed, as reported by the prober
 */
public record ProbeResult(
        String service,
        String vantage,
        String region,
        String target,
        Instant timestamp,
        boolean success,
        Double latencyMs,
        Integer statusCode,
        String error)
        implements Serializable {

    public static final int TARGET_MAX_CHARS = 2048;
    public static final int ERROR_MAX_CHARS = 1024;
    public static final int STATUS_CODE_MIN = 100;
    public static final int STATUS_CODE_MAX = 599;

    public ProbeResult {
        Checks.id("service", service);
        Checks.id("vantage", vantage);
        Checks.optionalId("region", region);
        Checks.optionalHttpUrl("target", target, TARGET_MAX_CHARS);
        Timestamps.requireInRange("timestamp", timestamp);
        Checks.optionalNonNegative("latencyMs", latencyMs);
        if (statusCode != null && (statusCode < STATUS_CODE_MIN || statusCode > STATUS_CODE_MAX)) {
            throw new InvalidEventException(
                    InvalidReason.INVALID_VALUE,
                    "statusCode must be between "
                            + STATUS_CODE_MIN
                            + " and "
                            + STATUS_CODE_MAX
                            + ", got "
                            + statusCode);
        }
        Checks.optionalText("error", error, ERROR_MAX_CHARS);
    }
}
