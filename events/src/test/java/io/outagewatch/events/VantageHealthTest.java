package io.outagewatch.events;

import static org.assertj.core.api.Assertions.assertThat;

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

class VantageHealthTest {

    private static final Instant MINUTE = Instant.parse("2023-11-08T13:42:00Z");
    private static final JsonSchema SCHEMA =
            JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(SchemaLocation.of("classpath:schemas/vantage-health.schema.json"));

    @Test
    void roundTrips() {
        VantageHealth health = new VantageHealth("eu-west-1a", MINUTE, 4, 4);

        String json = VantageHealthSerde.INSTANCE.toJson(health);

        assertThat(json)
                .isEqualTo(
                        "{\"vantage\":\"eu-west-1a\",\"minuteStart\":\"2023-11-08T13:42:00Z\","
                                + "\"servicesProbed\":4,\"servicesFailing\":4}");
        assertThat(VantageHealthSerde.INSTANCE.parse(json).value()).isEqualTo(health);
        assertThat(SCHEMA.validate(json, InputFormat.JSON)).isEmpty();
    }

    @Test
    void roundTripsWithTheClockAhead() {
        VantageHealth health = new VantageHealth("eu-west-1a", MINUTE, 4, 0, 3000L);

        String json = VantageHealthSerde.INSTANCE.toJson(health);

        assertThat(json)
                .isEqualTo(
                        "{\"vantage\":\"eu-west-1a\",\"minuteStart\":\"2023-11-08T13:42:00Z\","
                                + "\"servicesProbed\":4,\"servicesFailing\":0,"
                                + "\"clockAheadSeconds\":3000}");
        assertThat(VantageHealthSerde.INSTANCE.parse(json).value()).isEqualTo(health);
        assertThat(SCHEMA.validate(json, InputFormat.JSON)).isEmpty();
    }

    @Test
    void recordsWrittenBeforeTheClockFieldStillParseAsAFineClock() {
        String older =
                "{\"vantage\":\"eu-1\",\"minuteStart\":\"2023-11-08T13:42:00Z\","
                        + "\"servicesProbed\":4,\"servicesFailing\":4}";
        String explicitNull =
                "{\"vantage\":\"eu-1\",\"minuteStart\":\"2023-11-08T13:42:00Z\","
                        + "\"servicesProbed\":4,\"servicesFailing\":4,\"clockAheadSeconds\":null}";

        for (String json : List.of(older, explicitNull)) {
            VantageHealth health = VantageHealthSerde.INSTANCE.parse(json).value();
            assertThat(health).isEqualTo(new VantageHealth("eu-1", MINUTE, 4, 4));
            assertThat(health.clockAheadSeconds()).isNull();
            assertThat(SCHEMA.validate(json, InputFormat.JSON)).isEmpty();
        }
    }

    static Stream<Arguments> badDocuments() {
        return Stream.of(
                Arguments.of(
                        "{\"minuteStart\":\"2023-11-08T13:42:00Z\",\"servicesProbed\":4,"
                                + "\"servicesFailing\":4}",
                        "missing_field: vantage"),
                Arguments.of(
                        "{\"vantage\":\"EU West\",\"minuteStart\":\"2023-11-08T13:42:00Z\","
                                + "\"servicesProbed\":4,\"servicesFailing\":4}",
                        "invalid_id: vantage"),
                Arguments.of(
                        "{\"vantage\":\"eu-1\",\"minuteStart\":\"1999-11-08T13:42:00Z\","
                                + "\"servicesProbed\":4,\"servicesFailing\":4}",
                        "timestamp_out_of_range: minuteStart"),
                Arguments.of(
                        "{\"vantage\":\"eu-1\",\"minuteStart\":\"2023-11-08T13:42:00Z\","
                                + "\"servicesProbed\":\"4\",\"servicesFailing\":4}",
                        "wrong_type: servicesProbed"),
                Arguments.of(
                        "{\"vantage\":\"eu-1\",\"minuteStart\":\"2023-11-08T13:42:00Z\","
                                + "\"servicesProbed\":0,\"servicesFailing\":0}",
                        "invalid_value: servicesProbed"),
                Arguments.of(
                        "{\"vantage\":\"eu-1\",\"minuteStart\":\"2023-11-08T13:42:00Z\","
                                + "\"servicesProbed\":4,\"servicesFailing\":0,"
                                + "\"clockAheadSeconds\":-1}",
                        "invalid_value: clockAheadSeconds"),
                Arguments.of(
                        "{\"vantage\":\"eu-1\",\"minuteStart\":\"2023-11-08T13:42:00Z\","
                                + "\"servicesProbed\":4,\"servicesFailing\":0,"
                                + "\"clockAheadSeconds\":\"3000\"}",
                        "wrong_type: clockAheadSeconds"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badDocuments")
    void serdeAndSchemaRejectTheSameDocuments(String json, String reasonStart) {
        Parsed<VantageHealth> parsed = VantageHealthSerde.INSTANCE.parse(json);

        assertThat(parsed.isOk()).isFalse();
        assertThat(((Parsed.Invalid<VantageHealth>) parsed).reason()).startsWith(reasonStart);
        assertThat(SCHEMA.validate(json, InputFormat.JSON)).isNotEmpty();
    }

    @Test
    void moreFailingThanProbedServicesIsRejectedBySerde() {
        Parsed<VantageHealth> parsed =
                VantageHealthSerde.INSTANCE.parse(
                        "{\"vantage\":\"eu-1\",\"minuteStart\":\"2023-11-08T13:42:00Z\","
                                + "\"servicesProbed\":2,\"servicesFailing\":3}");

        assertThat(((Parsed.Invalid<VantageHealth>) parsed).reason())
                .startsWith("invalid_value: servicesFailing");
    }
}
