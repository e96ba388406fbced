package io.outagewatch.detection.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.outagewatch.events.Severity;
import io.outagewatch.events.StatusUpdate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImpactLevelTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"MAJOR, CRITICAL", "PARTIAL, MAJOR", "DEGRADED, MINOR"})
    void eachSeverityMapsToTheStatuspageImpactOfItsComponentState(
            Severity severity, ImpactLevel expected) {
        assertThat(ImpactLevel.of(severity)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"NONE, NONE", "MINOR, MINOR", "MAJOR, MAJOR", "CRITICAL, CRITICAL"})
    void anOfficialImpactMapsToItsNamesake(StatusUpdate.Impact impact, ImpactLevel expected) {
        assertThat(ImpactLevel.of(impact)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(
            value = {
                "none, NONE",
                "minor, MINOR",
                "major, MAJOR",
                "Critical, CRITICAL",
                "NULL, UNKNOWN"
            },
            nullValues = "NULL")
    void theCorpusImpactFieldMapsToALevel(String impact, ImpactLevel expected) {
        assertThat(ImpactLevel.ofCorpus(impact)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is typical of {1}")
    @CsvSource({
        "CRITICAL, major outages",
        "MAJOR, partial outages",
        "MINOR, degraded service",
        "UNKNOWN, outages"
    })
    void theKindSpeaksTheDetectorsLanguage(ImpactLevel level, String kind) {
        assertThat(level.kind()).isEqualTo(kind);
    }

    @org.junit.jupiter.api.Test
    void anUnknownCorpusImpactIsRejected() {
        assertThatThrownBy(() -> ImpactLevel.ofCorpus("maintenance"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown impact: maintenance");
    }
}
