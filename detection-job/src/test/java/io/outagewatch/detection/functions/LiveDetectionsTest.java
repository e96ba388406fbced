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
        LiveDetections live = new LiveDetections(2);
        ServiceDetectionState github = service("github");
        live.keep(github);
        live.keep(service("slack"));
        assertThat(live.get("github")).isSameAs(github);

        live.keep(service("zoom"));

        assertThat(live.size()).isEqualTo(2);
        assertThat(live.get("slack")).as("least recently used").isNull();
        assertThat(live.get("github")).isSameAs(github);
        assertThat(live.get("zoom")).isNotNull();
    }

    @Test
    void aCapacityBelowOneIsRefused() {
        assertThatThrownBy(() -> new LiveDetections(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("capacity");
    }
}
