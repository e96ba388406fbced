package io.outagewatch.status;

import io.outagewatch.events.MinuteVerdict;
import io.outagewatch.events.Severity;

/** What the page says about a service now. The wire name is the constant's name in lower case. */
public enum ServiceState {
    OK,
    DEGRADED,
    PARTIAL,
    DOWN;

    /** The state an open incident of this severity puts its service in. */
    public static ServiceState of(Severity severity) {
        return switch (severity) {
            case MAJOR -> DOWN;
            case PARTIAL -> PARTIAL;
            case DEGRADED -> DEGRADED;
        };
    }

    /** The state one minute's verdict describes. */
    public static ServiceState of(MinuteVerdict verdict) {
        return switch (verdict) {
            case OK -> OK;
            case DEGRADED -> DEGRADED;
            case PARTIAL -> PARTIAL;
            case DOWN -> DOWN;
        };
    }

    /** The worse of two states. */
    public ServiceState worse(ServiceState other) {
        return other.ordinal() > ordinal() ? other : this;
    }

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
