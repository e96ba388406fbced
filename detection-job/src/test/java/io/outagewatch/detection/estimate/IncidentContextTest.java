package io.outagewatch.detection.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IncidentContextTest {

    private static final Instant ONSET = Instant.parse("2026-03-02T14:00:00Z");

    @ParameterizedTest(name = "{0}, official post {1} min after onset -> status post at +{2} min")
    @CsvSource(
            value = {
                "PROBES, NULL, 15",
                "COMPLAINTS, NULL, 0",
                "PROBES, 4, 4",
                "COMPLAINTS, -3, -3"
            },
            nullValues = "NULL")
    void theStatusPostIsTheOfficialOneOrAssumedFromTheLeadingSignal(
            LeadingSignal signal, Integer officialMinutes, int expectedMinutes) {
        IncidentContext context =
                IncidentContext.detected("GitHub", ImpactLevel.CRITICAL, 2, signal, ONSET)
                        .at(ONSET.plus(Duration.ofHours(1)));
        if (officialMinutes != null) {
            context =
                    context.withOfficialPost(
                            ONSET.plus(Duration.ofMinutes(officialMinutes)), "Incident");
        }

        assertThat(context.statusPostAt()).isEqualTo(ONSET.plusSeconds(60L * expectedMinutes));
    }

    @Test
    void elapsedRunsFromTheOnsetToNow() {
        IncidentContext context =
                IncidentContext.detected(
                                "GitHub", ImpactLevel.MAJOR, 1, LeadingSignal.PROBES, ONSET)
                        .at(ONSET.plus(Duration.ofMinutes(42)));

        assertThat(context.elapsed()).isEqualTo(Duration.ofMinutes(42));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "now before onset | -1 | 0 | 0 | now 2026-03-02T13:59:00Z is before the onset"
                        + " 2026-03-02T14:00:00Z",
                "identified after now | 10 | 11 | 0 | identifiedAt 2026-03-02T14:11:00Z is after"
                        + " now 2026-03-02T14:10:00Z: not known yet",
                "monitoring after now | 10 | 0 | 12 | monitoringAt 2026-03-02T14:12:00Z is after"
                        + " now 2026-03-02T14:10:00Z: not known yet",
            })
    void aContextThatCannotBeKnownYetIsRejected(
            String name,
            int nowMinutes,
            int identifiedMinutes,
            int monitoringMinutes,
            String message) {
        assertThatThrownBy(
                        () ->
                                new IncidentContext(
                                        "GitHub",
                                        ImpactLevel.MAJOR,
                                        1,
                                        LeadingSignal.PROBES,
                                        ONSET,
                                        ONSET.plus(Duration.ofMinutes(nowMinutes)),
                                        null,
                                        identifiedMinutes == 0
                                                ? null
                                                : ONSET.plus(Duration.ofMinutes(identifiedMinutes)),
                                        monitoringMinutes == 0
                                                ? null
                                                : ONSET.plus(Duration.ofMinutes(monitoringMinutes)),
                                        null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void regionsMustNotBeNegative() {
        assertThatThrownBy(
                        () ->
                                IncidentContext.detected(
                                        "GitHub",
                                        ImpactLevel.MAJOR,
                                        -1,
                                        LeadingSignal.PROBES,
                                        ONSET))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("affectedRegions must not be negative, got -1");
    }
}
