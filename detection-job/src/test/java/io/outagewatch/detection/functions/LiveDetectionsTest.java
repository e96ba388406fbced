package io.outagewatch.detection.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.outagewatch.detection.assess.DurationEstimates;
import io.outagewatch.detection.assess.MinuteAssessor;
import io.outagewatch.detection.assess.ServiceDetectionState;
import io.outagewatch.detection.assess.StoredDetection;
import io.outagewatch.detection.baseline.ProbeQuorum;
import io.outagewatch.detection.baseline.ReportAnomalyRule;
import io.outagewatch.detection.incident.IncidentPolicy;
import io.outagewatch.scenario.Scenarios;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LiveDetectionsTest {

    private static DurationEstimates estimates;

    @BeforeAll
    static void fitEstimates() {
        estimates = DurationEstimates.bundled(Scenarios.catalog());
    }

    private static ServiceDetectionState service(String name) {
        return new MinuteAssessor(ProbeQuorum.DEFAULTS, ReportAnomalyRule.DEFAULTS)
                .restore(
                        name,
                        IncidentPolicy.defaults(),
                        estimates,
                        new StoredDetection(null, null, null, null, null, null, null));
    }

    @Test
    void keepsServicesUpToItsCapacityAndDropsTheLeastRecentlyUsed() {
        List<ServiceDetectionState> evicted = new ArrayList<>();
        LiveDetections live = new LiveDetections(2, evicted::add);
        ServiceDetectionState github = service("github");
        ServiceDetectionState slack = service("slack");
        live.keep(github);
        live.keep(slack);
        assertThat(live.get("github")).isSameAs(github);
        assertThat(evicted).isEmpty();

        live.keep(service("zoom"));

        assertThat(live.size()).isEqualTo(2);
        assertThat(live.get("slack")).as("least recently used").isNull();
        assertThat(evicted).as("handed over on its way out").containsExactly(slack);
        assertThat(live.get("github")).isSameAs(github);
        assertThat(live.get("zoom")).isNotNull();
    }

    @Test
    void aCapacityBelowOneIsRefused() {
        assertThatThrownBy(() -> new LiveDetections(0, state -> {}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("capacity");
    }
}
