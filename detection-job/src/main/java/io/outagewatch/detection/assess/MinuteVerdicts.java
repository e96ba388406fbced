package io.outagewatch.detection.assess;

import io.outagewatch.detection.incident.MinuteAssessment;
import io.outagewatch.events.MinuteVerdict;

/**
 * The verdict a status page shows for one decided minute, from the detector's assessment of that
 * minute alone. The same reading of the probe signal the incident state machine gives an outage's
 * severity: a quorum failing everywhere is down, some regions failing is partial, slow probes are
 * degraded (down when users complain as well), complaints against passing probes are partial and
 * complaints without probes are down.
 */
public final class MinuteVerdicts {

    private MinuteVerdicts() {}

    public static MinuteVerdict of(MinuteAssessment assessment) {
        if (!assessment.isAnomalous()) {
            return MinuteVerdict.OK;
        }
        return switch (assessment.probe()) {
            case OUTAGE, NO_DATA -> MinuteVerdict.DOWN;
            case REGIONAL_OUTAGE, HEALTHY, NOISE -> MinuteVerdict.PARTIAL;
            case DEGRADED ->
                    assessment.reportsAnomalous() ? MinuteVerdict.DOWN : MinuteVerdict.DEGRADED;
        };
    }
}
