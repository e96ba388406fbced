package io.outagewatch.detection.assess;

import static org.assertj.core.api.Assertions.assertThat;

import io.outagewatch.detection.incident.MinuteAssessment;
import io.outagewatch.detection.incident.ProbeSignal;
import io.outagewatch.events.Evidence;
import io.outagewatch.events.MinuteVerdict;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MinuteVerdictsTest {

    private static final Instant MINUTE = Instant.parse("2023-11-08T13:42:00Z");

    @ParameterizedTest(name = "probes {0}, complaints anomalous {1} -> {2}")
    @CsvSource({
        "HEALTHY,         false, OK",
        "NOISE,           false, OK",
        "NO_DATA,         false, OK",
        "OUTAGE,          false, DOWN",
        "OUTAGE,          true,  DOWN",
        "REGIONAL_OUTAGE, false, PARTIAL",
        "REGIONAL_OUTAGE, true,  PARTIAL",
        "DEGRADED,        false, DEGRADED",
        "DEGRADED,        true,  DOWN",
        "HEALTHY,         true,  PARTIAL",
        "NOISE,           true,  PARTIAL",
        "NO_DATA,         true,  DOWN",
    })
    void theMinuteReadsAsTheIncidentSeverityWouldWhenAnomalous(
            ProbeSignal probe, boolean reportsAnomalous, MinuteVerdict verdict) {
        MinuteAssessment assessment =
                new MinuteAssessment(
                        MINUTE,
                        MINUTE.plusSeconds(60),
                        probe,
                        List.of(),
                        reportsAnomalous,
                        reportsAnomalous,
                        new Evidence(null, null, List.of(), List.of(), 0.0, 0.0, 0),
                        false,
                        0,
                        0);

        assertThat(MinuteVerdicts.of(assessment)).isEqualTo(verdict);
    }
}
