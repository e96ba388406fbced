package io.outagewatch.detection.assess;

import static org.assertj.core.api.Assertions.assertThat;

import io.outagewatch.detection.baseline.ProbeQuorum;
import io.outagewatch.detection.baseline.ReportAnomalyRule;
import io.outagewatch.detection.incident.IncidentPolicy;
import io.outagewatch.scenario.Scenarios;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ServiceDetectionStateTest {

    private static final Instant T0 = Instant.parse("2026-01-05T00:00:00Z");

    private static DurationEstimates estimates;

    @BeforeAll
    static void fitEstimates() {
        estimates = DurationEstimates.bundled(Scenarios.catalog());
    }

    private static ServiceDetectionState fresh() {
        return new MinuteAssessor(ProbeQuorum.DEFAULTS, ReportAnomalyRule.DEFAULTS)
                .restore(
                        "github",
                        IncidentPolicy.defaults(),
                        estimates,
                        new StoredDetection(null, null, null, null, null, null, null));
    }

    private static String vantage(int index) {
        return String.format(Locale.ROOT, "prober-%03d", index);
    }

    @Test
    void theLeastRecentlySeenVantageGoesWhenOneTooManyAppears() {
        ServiceDetectionState state = fresh();
        for (int i = 0; i < ServiceDetectionState.MAX_VANTAGES; i++) {
            // prober-000 was seen last, so prober-001 is the stalest.
            state.vantage(vantage(i), T0.plusSeconds(i == 0 ? 10_000 : i));
        }
        state.markSaved(state.toKeep());

        state.vantage("prober-new", T0.plusSeconds(20_000));

        assertThat(state.evictedVantages()).containsExactly(vantage(1));
        assertThat(state.updatedVantages()).containsOnlyKeys("prober-new");
    }

    @Test
    void ofVantagesLastSeenTogetherTheFirstByNameGoes() {
        ServiceDetectionState state = fresh();
        for (int i = ServiceDetectionState.MAX_VANTAGES - 1; i >= 0; i--) {
            state.vantage(vantage(i), T0);
        }

        state.vantage("prober-new", T0.plusSeconds(60));

        assertThat(state.evictedVantages()).containsExactly(vantage(0));
        assertThat(state.updatedVantages()).doesNotContainKey(vantage(0)).hasSize(256);
    }

    @Test
    void anEvictedVantageSeenAgainIsKeptAgainAndNoLongerEvicted() {
        ServiceDetectionState state = fresh();
        for (int i = 0; i <= ServiceDetectionState.MAX_VANTAGES; i++) {
            state.vantage(vantage(i), T0.plusSeconds(i));
        }
        assertThat(state.evictedVantages()).containsExactly(vantage(0));

        state.vantage(vantage(0), T0.plusSeconds(1_000));

        // Coming back pushed out the next stalest.
        assertThat(state.evictedVantages()).containsExactly(vantage(1));
        Map<String, VantageRate> updated = state.updatedVantages();
        assertThat(updated).containsKey(vantage(0)).doesNotContainKey(vantage(1));
        assertThat(updated.get(vantage(0)).lastSeen()).isEqualTo(T0.plusSeconds(1_000));
    }
}
