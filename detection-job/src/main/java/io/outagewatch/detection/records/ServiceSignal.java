package io.outagewatch.detection.records;

import io.outagewatch.detection.reports.Complaint;
import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * Either a probe minute or a complaint about one service: the single input type of the per-service
 * window, so both signals meet in one window without a join.
 */
@TypeInfo(ServiceSignalSerializer.Factory.class)
public record ServiceSignal(ProbeMinute probeMinute, Complaint complaint) {

    public ServiceSignal {
        if ((probeMinute == null) == (complaint == null)) {
            throw new IllegalArgumentException("exactly one of probeMinute and complaint is set");
        }
    }

    public static ServiceSignal of(ProbeMinute probeMinute) {
        return new ServiceSignal(probeMinute, null);
    }

    public static ServiceSignal of(Complaint complaint) {
        return new ServiceSignal(null, complaint);
    }

    public String service() {
        return probeMinute != null ? probeMinute.service() : complaint.service();
    }

    /** Start of the event-time minute the signal belongs to, in epoch milliseconds. */
    public long minuteStartMillis() {
        if (probeMinute != null) {
            return probeMinute.minuteStart().toEpochMilli();
        }
        long millis = complaint.timestamp().toEpochMilli();
        return millis - Math.floorMod(millis, ServiceMinute.LENGTH.toMillis());
    }
}
