package io.outagewatch.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The record constructors enforce the contracts for values built in code, not just parsed. */
class RecordValidationTest {
    private static final Instant NOW = Instant.parse("2023-11-08T13:42:00Z");

    static Stream<Arguments> invalidConstructions() {
        return Stream.of(
                Arguments.of(
                        "null service",
                        (Runnable)
                                () ->
                                        new ProbeResult(
                                                null, "fra-1", null, null, NOW, true, null, null,
                                                null),
                        InvalidReason.MISSING_FIELD,
                        "service"),
                Arguments.of(
                        "NaN latency",
                        (Runnable)
                                () ->
                                        new ProbeResult(
                                                "chatgpt",
                                                "fra-1",
                                                null,
                                                null,
                                                NOW,
                                                true,
                                                Double.NaN,
                                                null,
                                                null),
                        InvalidReason.INVALID_VALUE,
                        "latencyMs must be a finite number, got NaN"),
                Arguments.of(
                        "timestamp before 2000",
                        (Runnable)
                                () ->
                                        new SocialReport(
                                                Instant.EPOCH,
                                                "down?",
                                                null,
                                                null,
                                                null,
                                                null,
                                                null),
                        InvalidReason.TIMESTAMP_OUT_OF_RANGE,
                        "timestamp 1970-01-01T00:00:00Z is before 2000-01-01"),
                Arguments.of(
                        "null status",
                        (Runnable)
                                () ->
                                        new StatusUpdate(
                                                "chatgpt", NOW, "inc-1", null, null, null, null),
                        InvalidReason.MISSING_FIELD,
                        "status"),
                Arguments.of(
                        "infinite score",
                        (Runnable)
                                () ->
                                        new Evidence(
                                                null,
                                                null,
                                                null,
                                                null,
                                                null,
                                                null,
                                                Double.POSITIVE_INFINITY),
                        InvalidReason.INVALID_VALUE,
                        "score must be a finite number"),
                Arguments.of(
                        "null vantage in list",
                        (Runnable)
                                () ->
                                        new Evidence(
                                                null,
                                                null,
                                                nullContainingList(),
                                                null,
                                                null,
                                                null,
                                                1.0),
                        InvalidReason.INVALID_VALUE,
                        "failingVantages[1] is null"),
                Arguments.of(
                        "recovered before started",
                        (Runnable)
                                () ->
                                        new Alert(
                                                "inc-1",
                                                AlertType.OUTAGE_RECOVERED,
                                                "chatgpt",
                                                Severity.MAJOR,
                                                null,
                                                NOW,
                                                NOW,
                                                NOW.minusSeconds(1),
                                                0L,
                                                null,
                                                null,
                                                null,
                                                Samples.minimalEvidence(),
                                                null,
                                                null,
                                                2),
                        InvalidReason.INVALID_VALUE,
                        "recoveredAt 2023-11-08T13:41:59Z is before startedAt"),
                Arguments.of(
                        "time left without its high bound",
                        (Runnable) () -> startedWith(3600L, 600L, null, null),
                        InvalidReason.MISSING_FIELD,
                        "estimatedRemainingHighSeconds (required when estimatedRemainingSeconds"
                                + " is present)"),
                Arguments.of(
                        "time left as bounds without a median",
                        (Runnable) () -> startedWith(null, 600L, 7200L, null),
                        InvalidReason.MISSING_FIELD,
                        "estimatedRemainingSeconds (required when estimatedRemainingLowSeconds"
                                + " is present)"),
                Arguments.of(
                        "low time left above its median",
                        (Runnable) () -> startedWith(3600L, 3601L, 7200L, null),
                        InvalidReason.INVALID_VALUE,
                        "estimatedRemainingLowSeconds 3601 exceeds estimatedRemainingSeconds"
                                + " 3600"),
                Arguments.of(
                        "median time left above its high bound",
                        (Runnable) () -> startedWith(7201L, 600L, 7200L, null),
                        InvalidReason.INVALID_VALUE,
                        "estimatedRemainingSeconds 7201 exceeds estimatedRemainingHighSeconds"
                                + " 7200"),
                Arguments.of(
                        "time left without a total",
                        (Runnable)
                                () ->
                                        new Alert(
                                                "inc-1",
                                                AlertType.OUTAGE_RECOVERED,
                                                "chatgpt",
                                                Severity.MAJOR,
                                                null,
                                                NOW,
                                                NOW,
                                                NOW.plusSeconds(600),
                                                600L,
                                                null,
                                                null,
                                                null,
                                                Samples.minimalEvidence(),
                                                null,
                                                null,
                                                2,
                                                0L,
                                                0L,
                                                60L,
                                                null,
                                                null),
                        InvalidReason.MISSING_FIELD,
                        "estimatedDurationSeconds (required when estimatedRemainingSeconds is"
                                + " present)"),
                Arguments.of(
                        "estimate basis over 256 characters",
                        (Runnable) () -> startedWith(3600L, 600L, 7200L, "b".repeat(257)),
                        InvalidReason.TEXT_TOO_LONG,
                        "estimateBasis is 257 characters long; the maximum is 256"),
                Arguments.of(
                        "blank estimate basis",
                        (Runnable) () -> startedWith(3600L, 600L, 7200L, " \n "),
                        InvalidReason.INVALID_VALUE,
                        "estimateBasis is blank"),
                Arguments.of(
                        "dead letter raw over 8 KB",
                        (Runnable) () -> new DeadLetter("f:1", "é".repeat(4097), "why", NOW),
                        InvalidReason.TEXT_TOO_LONG,
                        "raw is 8194 UTF-8 bytes long"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidConstructions")
    void constructorRejectsWithCodeAndField(
            String name, Runnable construction, String code, String messageFragment) {
        assertThatThrownBy(construction::run)
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining(messageFragment)
                .extracting(thrown -> ((InvalidEventException) thrown).code())
                .isEqualTo(code);
    }

    @Test
    void copiesListsSoLaterChangesDoNotLeakIn() {
        List<String> regions = new ArrayList<>(List.of("eu-west"));
        Alert alert =
                new Alert(
                        "inc-1",
                        AlertType.OUTAGE_STARTED,
                        "chatgpt",
                        Severity.PARTIAL,
                        regions,
                        NOW,
                        NOW,
                        null,
                        null,
                        60L,
                        30L,
                        120L,
                        Samples.minimalEvidence(),
                        null,
                        null,
                        1);

        regions.add("us-east");

        assertThat(alert.regions()).containsExactly("eu-west");
        assertThatThrownBy(() -> alert.regions().add("ap-south"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void storesReportTextTrimmed() {
        SocialReport report =
                new SocialReport(NOW, "\n  is slack down?\t ", null, null, null, null, null);

        assertThat(report.text()).isEqualTo("is slack down?");
    }

    @Test
    void acceptsTimeLeftOfZeroAndABasisOfTheMaximumLength() {
        String basis = "é".repeat(Alert.ESTIMATE_BASIS_MAX_CHARS);

        Alert alert = startedWith(0L, 0L, 0L, basis);

        assertThat(alert.estimatedRemainingSeconds()).isZero();
        assertThat(alert.estimateBasis()).isEqualTo(basis);
    }

    @Test
    void theOlderConstructorLeavesTimeLeftAndBasisOut() {
        Alert alert = startedWith(null, null, null, null);

        assertThat(alert)
                .isEqualTo(
                        new Alert(
                                "inc-1",
                                AlertType.OUTAGE_STARTED,
                                "chatgpt",
                                Severity.MAJOR,
                                null,
                                NOW,
                                NOW,
                                null,
                                null,
                                7200L,
                                1800L,
                                14400L,
                                Samples.minimalEvidence(),
                                null,
                                null,
                                1));
    }

    /** A started alert with a valid total estimate and the given time left and basis. */
    private static Alert startedWith(Long remaining, Long low, Long high, String basis) {
        return new Alert(
                "inc-1",
                AlertType.OUTAGE_STARTED,
                "chatgpt",
                Severity.MAJOR,
                null,
                NOW,
                NOW,
                null,
                null,
                7200L,
                1800L,
                14400L,
                Samples.minimalEvidence(),
                null,
                null,
                1,
                remaining,
                low,
                high,
                basis,
                null);
    }

    private static List<String> nullContainingList() {
        List<String> vantages = new ArrayList<>();
        vantages.add("fra-1");
        vantages.add(null);
        return vantages;
    }
}
