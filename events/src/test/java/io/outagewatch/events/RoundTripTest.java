package io.outagewatch.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RoundTripTest {

    record Case<T>(String name, EventSerde<T> serde, T value) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case<?>> values() {
        return Stream.of(
                new Case<>("probe, all fields", ProbeResultSerde.INSTANCE, Samples.fullProbe()),
                new Case<>(
                        "probe, required only", ProbeResultSerde.INSTANCE, Samples.minimalProbe()),
                new Case<>("report, all fields", SocialReportSerde.INSTANCE, Samples.fullReport()),
                new Case<>(
                        "report, required only",
                        SocialReportSerde.INSTANCE,
                        Samples.minimalReport()),
                new Case<>("status, all fields", StatusUpdateSerde.INSTANCE, Samples.fullStatus()),
                new Case<>(
                        "status, required only",
                        StatusUpdateSerde.INSTANCE,
                        Samples.minimalStatus()),
                new Case<>(
                        "started alert, all fields",
                        AlertSerde.INSTANCE,
                        Samples.fullStartedAlert()),
                new Case<>(
                        "updated alert, time left from zero and a basis",
                        AlertSerde.INSTANCE,
                        Samples.updatedAlertWithTimeLeft()),
                new Case<>(
                        "updated alert naming related incidents",
                        AlertSerde.INSTANCE,
                        Samples.updatedAlertWithRelated()),
                new Case<>(
                        "started alert of the older shape, no time left or basis",
                        AlertSerde.INSTANCE,
                        Samples.startedAlertWithoutTimeLeft()),
                new Case<>(
                        "started alert, required only",
                        AlertSerde.INSTANCE,
                        Samples.minimalStartedAlert()),
                new Case<>(
                        "recovered alert, all fields",
                        AlertSerde.INSTANCE,
                        Samples.fullRecoveredAlert()),
                new Case<>(
                        "recovered alert, required only",
                        AlertSerde.INSTANCE,
                        Samples.minimalRecoveredAlert()),
                new Case<>(
                        "dead letter, control characters and non-ASCII",
                        DeadLetterSerde.INSTANCE,
                        Samples.fullDeadLetter()),
                new Case<>(
                        "dead letter, empty raw",
                        DeadLetterSerde.INSTANCE,
                        Samples.minimalDeadLetter()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("values")
    <T> void parsingTheJsonGivesBackTheValue(Case<T> roundTrip) {
        String json = roundTrip.serde().toJson(roundTrip.value());

        assertThat(roundTrip.serde().parse(json)).isEqualTo(Parsed.ok(roundTrip.value()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("values")
    <T> void parsingTheBytesGivesBackTheValue(Case<T> roundTrip) {
        byte[] bytes = roundTrip.serde().toBytes(roundTrip.value());

        assertThat(roundTrip.serde().parse(bytes)).isEqualTo(Parsed.ok(roundTrip.value()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("values")
    <T> void outputIsDeterministic(Case<T> roundTrip) {
        EventSerde<T> serde = roundTrip.serde();
        String json = serde.toJson(roundTrip.value());
        T reparsed = serde.parse(json).value();

        assertThat(serde.toJson(roundTrip.value())).isEqualTo(json);
        assertThat(serde.toJson(reparsed)).isEqualTo(json);
        assertThat(serde.toBytes(roundTrip.value()))
                .isEqualTo(json.getBytes(StandardCharsets.UTF_8));
    }
}
