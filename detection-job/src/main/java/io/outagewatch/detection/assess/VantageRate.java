package io.outagewatch.detection.assess;

import java.time.Instant;
import java.util.Objects;

/**
 * What the detector keeps about one vantage of one service, in Flink state keyed by vantage: the
 * learned failure EWMA of its {@code VantageFailureBaseline}, and when it last probed, so the least
 * recently seen vantage can go when a service has more than {@link
 * ServiceDetectionState#MAX_VANTAGES}. A Flink POJO (a record) of about 25 bytes.
 *
 * @param failureEwma see {@code VantageFailureBaseline.ewma()}
 * @param lastSeen start of the latest minute with a probe from the vantage
 */
public record VantageRate(double failureEwma, Instant lastSeen) {

    public VantageRate {
        Objects.requireNonNull(lastSeen, "lastSeen");
    }
}
