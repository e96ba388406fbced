package io.outagewatch.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MinuteSignalsTest {

    private static final Instant MINUTE = Instant.parse("2023-11-08T13:42:00Z");
    private static final JsonSchema SCHEMA =
            JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(SchemaLocation.of("classpath:schemas/minute-signals.schema.json"));

    private static final String PROBED_MINUTE =
            "{\"service\":\"chatgpt\",\"minuteStart\":\"2023-11-08T13:42:00Z\","
                    + "\"complaints\":41,\"expectedComplaints\":2.5,\"probes\":8,"
                    + "\"probeFailureShare\":0.75,\"failingVantages\":[\"eu-1\",\"us-1\"],"
                    + "\"reportingVantages\":4,\"latencyP95Ms\":950.0,"
                    + "\"latencyBaselineP95Ms\":310.0,\"verdict\":\"DOWN\"}";

    @Test
    void aProbedMinuteRoundTrips() {
        MinuteSignals signals =
                new MinuteSignals(
                        "chatgpt",
                        MINUTE,
                        41,
                        2.5,
                        8,
                        0.75,
                        List.of("eu-1", "us-1"),
                        4,
                        950.0,
                        310.0,
                        MinuteVerdict.DOWN);

        String json = MinuteSignalsSerde.INSTANCE.toJson(signals);

        assertThat(json).isEqualTo(PROBED_MINUTE);
        assertThat(MinuteSignalsSerde.INSTANCE.parse(json).value()).isEqualTo(signals);
        assertThat(MinuteSignalsSerde.INSTANCE.parse(MinuteSignalsSerde.INSTANCE.toBytes(signals)))
                .isEqualTo(Parsed.ok(signals));
        assertThat(SCHEMA.validate(json, InputFormat.JSON)).isEmpty();
    }

    @Test
    void aMinuteWithoutProbesLeavesTheProbeFiguresOut() {
        MinuteSignals signals =
                new MinuteSignals(
                        "bluesky", MINUTE, 0, 0.2, 0, null, null, 0, null, null, MinuteVerdict.OK);

        String json = MinuteSignalsSerde.INSTANCE.toJson(signals);

        assertThat(json)
                .isEqualTo(
                        "{\"service\":\"bluesky\",\"minuteStart\":\"2023-11-08T13:42:00Z\","
                                + "\"complaints\":0,\"expectedComplaints\":0.2,\"probes\":0,"
                                + "\"failingVantages\":[],\"reportingVantages\":0,"
                                + "\"verdict\":\"OK\"}");
        assertThat(MinuteSignalsSerde.INSTANCE.parse(json).value()).isEqualTo(signals);
        assertThat(signals.failingVantages()).isEmpty();
        assertThat(SCHEMA.validate(json, InputFormat.JSON)).isEmpty();
    }

    static Stream<Arguments> badDocuments() {
        return Stream.of(
                Arguments.of(
                        PROBED_MINUTE.replace("\"service\":\"chatgpt\",", ""),
                        "missing_field: service"),
                Arguments.of(
                        PROBED_MINUTE.replace("\"chatgpt\"", "\"Chat GPT\""),
                        "invalid_id: service"),
                Arguments.of(
                        PROBED_MINUTE.replace("2023-11-08T13:42:00Z", "1999-11-08T13:42:00Z"),
                        "timestamp_out_of_range: minuteStart"),
                Arguments.of(
                        PROBED_MINUTE.replace("\"complaints\":41", "\"complaints\":-1"),
                        "invalid_value: complaints"),
                Arguments.of(
                        PROBED_MINUTE.replace("\"complaints\":41", "\"complaints\":\"41\""),
                        "wrong_type: complaints"),
                Arguments.of(
                        PROBED_MINUTE.replace(
                                "\"expectedComplaints\":2.5", "\"expectedComplaints\":-2.5"),
                        "invalid_value: expectedComplaints"),
                Arguments.of(
                        PROBED_MINUTE.replace(
                                "\"probeFailureShare\":0.75", "\"probeFailureShare\":1.5"),
                        "invalid_value: probeFailureShare"),
                Arguments.of(
                        PROBED_MINUTE.replace("[\"eu-1\",\"us-1\"]", "[\"eu-1\",\"eu-1\"]"),
                        "invalid_value: failingVantages"),
                Arguments.of(
                        PROBED_MINUTE.replace("\"latencyP95Ms\":950.0", "\"latencyP95Ms\":-1"),
                        "invalid_value: latencyP95Ms"),
                Arguments.of(
                        PROBED_MINUTE.replace("\"DOWN\"", "\"ON_FIRE\""), "invalid_value: verdict"),
                Arguments.of(
                        PROBED_MINUTE.replace(",\"verdict\":\"DOWN\"", ""),
                        "missing_field: verdict"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badDocuments")
    void serdeAndSchemaRejectTheSameDocuments(String json, String reasonStart) {
        Parsed<MinuteSignals> parsed = MinuteSignalsSerde.INSTANCE.parse(json);

        assertThat(parsed.isOk()).isFalse();
        assertThat(((Parsed.Invalid<MinuteSignals>) parsed).reason()).startsWith(reasonStart);
        assertThat(SCHEMA.validate(json, InputFormat.JSON)).isNotEmpty();
    }

    @Test
    void aFailureShareWithoutProbesIsRejectedBySerde() {
        Parsed<MinuteSignals> parsed =
                MinuteSignalsSerde.INSTANCE.parse(
                        PROBED_MINUTE.replace("\"probes\":8", "\"probes\":0"));

        assertThat(((Parsed.Invalid<MinuteSignals>) parsed).reason())
                .startsWith("invalid_value: probeFailureShare");
    }

    @Test
    void moreFailingThanReportingVantagesIsRejected() {
        assertThatThrownBy(
                        () ->
                                new MinuteSignals(
                                        "chatgpt",
                                        MINUTE,
                                        0,
                                        0,
                                        4,
                                        0.5,
                                        List.of("eu-1", "us-1"),
                                        1,
                                        null,
                                        null,
                                        MinuteVerdict.PARTIAL))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("more than reportingVantages");
    }
}
