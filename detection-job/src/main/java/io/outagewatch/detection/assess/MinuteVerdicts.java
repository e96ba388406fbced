package io.outagewatch.detection.assess;

import io.outagewatch.detection.incident.MinuteAssessment;
import io.outagewatch.events.MinuteVerdict;

/**
 * The verdict a status page shows for one decided minute, from the detector's assessment of that
 * minute alone: OK unless anomalous, else the severity the incident state machine would give an
 * outage seen in it ({@link MinuteAssessment#severity()}), MAJOR reading as down.
 */
public final class MinuteVerdicts {

    private MinuteVerdicts() {}

    public static MinuteVerdict of(MinuteAssessment assessment) {
        if (!assessment.isAnomalous()) {
            return MinuteVerdict.OK;
        }
        return switch (assessment.severity()) {
            case MAJOR -> MinuteVerdict.DOWN;
            case PARTIAL -> MinuteVerdict.PARTIAL;
            case DEGRADED -> MinuteVerdict.DEGRADED;
        };
    }
}
