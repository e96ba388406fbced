package io.outagewatch.scenario;

import static io.outagewatch.scenario.ScenarioFacts.complaints;
import static io.outagewatch.scenario.ScenarioFacts.dayBefore;
import static io.outagewatch.scenario.ScenarioFacts.failureFraction;
import static io.outagewatch.scenario.ScenarioFacts.probes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.outagewatch.events.ProbeResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class SlowBurnTest {

    private static final Instant RAMP_START = Instant.parse("2024-07-09T14:00:00Z");
    private static final Instant RAMP_END = Instant.parse("2024-07-09T14:20:00Z");
    private static final Instant RECOVERY = Instant.parse("2024-07-09T14:50:00Z");
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    private static final SlowBurn BURN = SlowBurn.of("github", RAMP_START, RECOVERY);

    @Test
    void theFailureRateRisesInAStraightLineThenHolds() {
        assertThat(BURN.failureProbability(RAMP_START.minusSeconds(1))).isZero();
        assertThat(BURN.failureProbability(RAMP_START)).isZero();
        assertThat(BURN.failureProbability(RAMP_START.plus(Duration.ofMinutes(5))))
                .isCloseTo(0.95 / 4, within(1e-12));
        assertThat(BURN.failureProbability(RAMP_START.plus(Duration.ofMinutes(10))))
                .isCloseTo(0.95 / 2, within(1e-12));
        assertThat(BURN.failureProbability(RAMP_END)).isCloseTo(0.95, within(1e-12));
        assertThat(BURN.failureProbability(RECOVERY.minusSeconds(1)))
                .isCloseTo(0.95, within(1e-12));
        assertThat(BURN.failureProbability(RECOVERY)).isZero();
    }

    @Test
    void survivorsAnswerAtTheirUsualSpeedWhileTheRateRises() {
        Vantage vantage = Vantage.standardSix().get(0);
        ProbeDisturbance ramping =
                BURN.probeDisturbance("github", vantage, RAMP_START.plus(Duration.ofMinutes(8)));
        ProbeDisturbance down =
                BURN.probeDisturbance("github", vantage, RAMP_END.plus(Duration.ofMinutes(1)));

        assertThat(ramping.latencyFactor()).isEqualTo(1.0);
        assertThat(ramping.failureProbability()).isCloseTo(0.95 * 0.4, within(1e-12));
        assertThat(down).isEqualTo(ProbeDisturbance.hardFailure(0.95));
        assertThat(BURN.probeDisturbance("slack", vantage, RAMP_END))
                .isEqualTo(ProbeDisturbance.NONE);
    }

    @Test
    void complaintsGrowWithTheRamp() {
        Instant early = RAMP_START.plus(Duration.ofMinutes(3));
        Instant late = RAMP_START.plus(Duration.ofMinutes(15));

        assertThat(BURN.extraComplaintFactor("github", RAMP_START)).isZero();
        assertThat(BURN.extraComplaintFactor("github", late))
                .isGreaterThan(3 * BURN.extraComplaintFactor("github", early));
        assertThat(BURN.extraComplaintFactor("slack", late)).isZero();
    }

    @Test
    void aRampLongerThanTheIncidentIsRefused() {
        assertThatThrownBy(() -> BURN.ramp(Duration.ofMinutes(51)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("slow-burn of github ramps for PT51M but lasts only PT50M");
        assertThatThrownBy(() -> BURN.ramp(Duration.ZERO))
                .hasMessageContaining("slow-burn ramp must be positive");
    }

    @Test
    void aScenarioFileGivesTheRamp() {
        String yaml =
                """
                name: ramp
                from: 2024-07-08T00:00:00Z
                until: 2024-07-08T03:00:00Z
                services: [github]
                incidents:
                  - {service: github, kind: slow-burn, start: 2024-07-08T01:00:00Z,
                     end: 2024-07-08T02:00:00Z, ramp: 30m, failureRate: 0.8}
                """;
        Scenario scenario =
                ScenarioFile.parse(yaml, "ramp.yaml", Scenarios.services(), OptionalLong.empty())
                        .build();

        assertThat(scenario.expected())
                .containsExactly(
                        new ExpectedIncident(
                                "github",
                                IncidentKind.SLOW_BURN,
                                "MAJOR",
                                List.of(),
                                Instant.parse("2024-07-08T01:00:00Z"),
                                Instant.parse("2024-07-08T02:00:00Z")));
    }

    /** Five-minute slices of the bundled scenario: each fails more than the one before. */
    @Test
    void theBundledScenarioFailsMoreInEachSliceOfTheRamp() {
        Scenario scenario = SuiteCache.get("slow-burn");

        double before =
                failureFraction(
                        probes(scenario, "github", any -> true, dayBefore(RAMP_START), RAMP_START));
        assertThat(before).isLessThan(0.01);
        double previous = before;
        for (Instant slice = RAMP_START;
                slice.isBefore(RAMP_END);
                slice = slice.plus(FIVE_MINUTES)) {
            List<ProbeResult> window =
                    probes(scenario, "github", any -> true, slice, slice.plus(FIVE_MINUTES));
            double expected =
                    (BURN.failureProbability(slice)
                                    + BURN.failureProbability(
                                            slice.plus(FIVE_MINUTES).minusMillis(1)))
                            / 2;
            assertThat(failureFraction(window)).as(slice.toString()).isGreaterThan(previous);
            assertThat(failureFraction(window))
                    .as(slice.toString())
                    .isCloseTo(expected, within(0.12));
            previous = failureFraction(window);
        }
        assertThat(failureFraction(probes(scenario, "github", any -> true, RAMP_END, RECOVERY)))
                .isGreaterThanOrEqualTo(0.90);
        assertThat(
                        failureFraction(
                                probes(
                                        scenario,
                                        "github",
                                        any -> true,
                                        RECOVERY,
                                        RECOVERY.plus(Duration.ofHours(1)))))
                .isLessThan(0.01);
        assertThat(failureFraction(probes(scenario, "slack", any -> true, RAMP_START, RECOVERY)))
                .isLessThan(0.01);
    }

    @Test
    void theBundledScenarioDrawsMoreComplaintsAsItBurns() {
        Scenario scenario = SuiteCache.get("slow-burn");
        ServiceSpec github = Scenarios.service("github");
        long firstFive = complaints(scenario, github, RAMP_START, RAMP_START.plus(FIVE_MINUTES));
        long lastFive = complaints(scenario, github, RAMP_END.minus(FIVE_MINUTES), RAMP_END);
        long down = complaints(scenario, github, RAMP_END, RECOVERY);
        long dayBefore = complaints(scenario, github, dayBefore(RAMP_END), dayBefore(RECOVERY));

        assertThat(lastFive).isGreaterThan(2 * firstFive);
        assertThat(down).isGreaterThanOrEqualTo(5 * Math.max(1, dayBefore));
    }
}
