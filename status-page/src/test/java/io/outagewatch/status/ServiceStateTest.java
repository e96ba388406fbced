package io.outagewatch.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.outagewatch.events.MinuteVerdict;
import io.outagewatch.events.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServiceStateTest {

    @ParameterizedTest
    @CsvSource({"MAJOR, DOWN", "PARTIAL, PARTIAL", "DEGRADED, DEGRADED"})
    void anOpenIncidentsSeverityGivesTheState(Severity severity, ServiceState state) {
        assertThat(ServiceState.of(severity)).isEqualTo(state);
    }

    @Test
    void everyVerdictHasTheStateOfTheSameName() {
        for (MinuteVerdict verdict : MinuteVerdict.values()) {
            assertThat(ServiceState.of(verdict).name()).isEqualTo(verdict.name());
        }
    }

    @Test
    void worseIsTheFurtherDown() {
        assertThat(ServiceState.OK.worse(ServiceState.PARTIAL)).isEqualTo(ServiceState.PARTIAL);
        assertThat(ServiceState.DOWN.worse(ServiceState.DEGRADED)).isEqualTo(ServiceState.DOWN);
        assertThat(ServiceState.DOWN.wireName()).isEqualTo("down");
    }
}
