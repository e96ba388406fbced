package io.outagewatch.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SerdeAcceptanceTest {

    @Test
    void writesFieldsInDeclarationOrderWithUtcTimestamps() {
        assertThat(ProbeResultSerde.INSTANCE.toJson(Samples.fullProbe()))
                .isEqualTo(
                        "{\"service\":\"chatgpt\",\"vantage\":\"fra-1\",\"region\":\"eu-west\","
                                + "\"target\":\"https://chat.openai.com/api/health?deep=1\","
                                + "\"timestamp\":\"2023-11-08T13:42:05.123Z\",\"success\":false,"
                                + "\"latencyMs\":1234.5,\"statusCode\":503,"
                                + "\"error\":\"HTTP 503 Service Unavailable\"}");
    }

    @Test
    void leavesOutAbsentOptionalFields() {
        assertThat(ProbeResultSerde.INSTANCE.toJson(Samples.minimalProbe()))
                .isEqualTo(
                        "{\"service\":\"chatgpt\",\"vantage\":\"iad-2\","
                                + "\"timestamp\":\"2023-11-08T13:42:00Z\",\"success\":true}");
    }

    @Test
    void writesStatusEnumsInLowerCaseAndAlertEnumsAsNamed() {
        String status = StatusUpdateSerde.INSTANCE.toJson(Samples.fullStatus());
        String alert = AlertSerde.INSTANCE.toJson(Samples.minimalStartedAlert());

        assertThat(status).contains("\"status\":\"investigating\"", "\"impact\":\"major\"");
        assertThat(alert)
                .contains(
                        "\"type\":\"OUTAGE_STARTED\"",
                        "\"severity\":\"DEGRADED\"",
                        "\"regions\":[]",
                        "\"evidence\":{\"failingVantages\":[],\"healthyVantages\":[],"
                                + "\"score\":3.0}");
    }

    static Stream<Arguments> equivalentTimestamps() {
        Instant outageStart = Instant.parse("2023-11-08T13:42:00Z");
        return Stream.of(
                Arguments.of("\"2023-11-08T13:42:00Z\"", outageStart),
                Arguments.of("\"2023-11-08T05:42:00-08:00\"", outageStart),
                Arguments.of("\"2023-11-08T19:12:00+05:30\"", outageStart),
                Arguments.of("\"2023-11-08T13:42:00+00:00\"", outageStart),
                Arguments.of("1699450920000", outageStart),
                Arguments.of(
                        "\"2023-11-08T13:42:00.123456789Z\"",
                        Instant.parse("2023-11-08T13:42:00.123456789Z")),
                Arguments.of("946684800000", Timestamps.EARLIEST),
                Arguments.of("\"2000-01-01T00:00:00Z\"", Timestamps.EARLIEST),
                Arguments.of(
                        "\"2001-01-01T00:59:59+01:00\"", Instant.parse("2000-12-31T23:59:59Z")),
                Arguments.of("4133980799999", Instant.parse("2100-12-31T23:59:59.999Z")),
                Arguments.of(
                        "\"2100-12-31T23:59:59.999999999Z\"",
                        Instant.parse("2100-12-31T23:59:59.999999999Z")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("equivalentTimestamps")
    void acceptsOffsetsAndEpochMillisAndNormalisesToUtc(String rawTimestamp, Instant expected) {
        String json = JsonDoc.probe().with("timestamp", rawTimestamp).json();

        ProbeResult probe = ProbeResultSerde.INSTANCE.parse(json).value();

        assertThat(probe.timestamp()).isEqualTo(expected);
        assertThat(ProbeResultSerde.INSTANCE.toJson(probe))
                .contains("\"timestamp\":\"" + expected + "\"");
    }

    @Test
    void ignoresUnknownFieldsAtEveryLevel() {
        JsonDoc withExtras =
                JsonDoc.startedAlert()
                        .with("schemaVersion", "3")
                        .with("debug", "{\"windows\":[[1,2],[3]],\"note\":null}")
                        .withNested("evidence", JsonDoc.evidence().with("zScore", "4.2"))
                        .withNested("officialStatus", JsonDoc.status().with("components", "[]"));
        JsonDoc plain = JsonDoc.startedAlert();

        Parsed<Alert> parsed = AlertSerde.INSTANCE.parse(withExtras.json());

        assertThat(parsed.isOk()).isTrue();
        assertThat(parsed).isEqualTo(AlertSerde.INSTANCE.parse(plain.json()));
    }

    @Test
    void treatsNullOptionalFieldsAsAbsent() {
        String json =
                JsonDoc.probe()
                        .with("region", "null")
                        .with("target", "null")
                        .with("latencyMs", "null")
                        .with("statusCode", "null")
                        .with("error", "null")
                        .json();

        ProbeResult probe = ProbeResultSerde.INSTANCE.parse(json).value();

        assertThat(probe.region()).isNull();
        assertThat(probe.target()).isNull();
        assertThat(probe.latencyMs()).isNull();
        assertThat(probe.statusCode()).isNull();
        assertThat(probe.error()).isNull();
    }

    @Test
    void treatsNullListsAsEmpty() {
        String json =
                JsonDoc.startedAlert()
                        .with("regions", "null")
                        .withNested("evidence", JsonDoc.evidence().with("failingVantages", "null"))
                        .json();

        Alert alert = AlertSerde.INSTANCE.parse(json).value();

        assertThat(alert.regions()).isEmpty();
        assertThat(alert.evidence().failingVantages()).isEmpty();
    }

    @Test
    void acceptsTextOfMaximumLengthSurroundedByWhitespace() {
        String text = "x".repeat(SocialReport.TEXT_MAX_CHARS);
        String json = JsonDoc.report().with("text", "\" \\n\\t" + text + "  \\r\\n\"").json();

        SocialReport report = SocialReportSerde.INSTANCE.parse(json).value();

        assertThat(report.text()).isEqualTo(text);
    }

    @Test
    void countsTextLengthInCharactersNotUtf16Units() {
        String emoji = "😩".repeat(SocialReport.TEXT_MAX_CHARS);
        String json = JsonDoc.report().with("text", "\"" + emoji + "\"").json();

        SocialReport report = SocialReportSerde.INSTANCE.parse(json).value();

        assertThat(report.text()).hasSize(2 * SocialReport.TEXT_MAX_CHARS);
    }

    static Stream<Arguments> boundaryValues() {
        return Stream.of(
                Arguments.of("statusCode", "100"),
                Arguments.of("statusCode", "599"),
                Arguments.of("latencyMs", "0"),
                Arguments.of("latencyMs", "0.001"),
                Arguments.of("vantage", "\"" + "a".repeat(64) + "\""),
                Arguments.of("vantage", "\"0\""),
                Arguments.of("region", "\"us-east-1.az_b\""),
                Arguments.of("target", "\"http://10.0.0.1:8080/health\""));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("boundaryValues")
    void acceptsValuesOnTheBoundary(String field, String rawValue) {
        Parsed<ProbeResult> parsed =
                ProbeResultSerde.INSTANCE.parse(JsonDoc.probe().with(field, rawValue).json());

        assertThat(parsed.isOk()).as(String.valueOf(parsed)).isTrue();
    }

    static Stream<EventSerde<?>> serdes() {
        return Stream.of(
                ProbeResultSerde.INSTANCE,
                SocialReportSerde.INSTANCE,
                StatusUpdateSerde.INSTANCE,
                AlertSerde.INSTANCE,
                DeadLetterSerde.INSTANCE);
    }

    @ParameterizedTest
    @MethodSource("serdes")
    void serdeSurvivesJavaSerializationAsTheSameInstance(EventSerde<?> serde)
            throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(serde);
        }
        try (ObjectInputStream in =
                new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isSameAs(serde);
        }
    }

    @Test
    void parsesConcurrentlyWithOneSharedSerde() {
        List<String> documents =
                IntStream.range(0, 2_000)
                        .mapToObj(
                                i -> JsonDoc.probe().with("latencyMs", Integer.toString(i)).json())
                        .toList();

        List<Double> latencies =
                documents.parallelStream()
                        .map(json -> ProbeResultSerde.INSTANCE.parse(json).value().latencyMs())
                        .toList();

        assertThat(latencies)
                .containsExactlyElementsOf(
                        IntStream.range(0, 2_000).mapToObj(i -> (double) i).toList());
    }
}
