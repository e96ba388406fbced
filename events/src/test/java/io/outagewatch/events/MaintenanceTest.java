package io.outagewatch.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class MaintenanceTest {

    private static final Instant CHANGED = Instant.parse("2024-03-01T09:00:00Z");
    private static final Instant STARTS = Instant.parse("2024-03-02T22:00:00Z");
    private static final Instant ENDS = Instant.parse("2024-03-03T02:00:00Z");
    private static final JsonSchema SCHEMA =
            JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(SchemaLocation.of("classpath:schemas/maintenance.schema.json"));

    private static final String FULL =
            "{\"service\":\"github\",\"timestamp\":\"2024-03-01T09:00:00Z\","
                    + "\"maintenanceId\":\"k3l1m2n3\",\"status\":\"scheduled\","
                    + "\"startsAt\":\"2024-03-02T22:00:00Z\",\"endsAt\":\"2024-03-03T02:00:00Z\","
                    + "\"title\":\"Database upgrade\","
                    + "\"url\":\"https://www.githubstatus.com/incidents/k3l1m2n3\"}";

    @Test
    void roundTrips() {
        Maintenance maintenance =
                new Maintenance(
                        "github",
                        CHANGED,
                        "k3l1m2n3",
                        Maintenance.Status.SCHEDULED,
                        STARTS,
                        ENDS,
                        "Database upgrade",
                        "https://www.githubstatus.com/incidents/k3l1m2n3");

        String json = MaintenanceSerde.INSTANCE.toJson(maintenance);

        assertThat(json).isEqualTo(FULL);
        assertThat(MaintenanceSerde.INSTANCE.parse(json).value()).isEqualTo(maintenance);
        assertThat(SCHEMA.validate(json, InputFormat.JSON)).isEmpty();
    }

    @Test
    void titleAndUrlAreOptional() {
        String json =
                "{\"service\":\"github\",\"timestamp\":\"2024-03-01T09:00:00Z\","
                        + "\"maintenanceId\":\"m-1\",\"status\":\"in_progress\","
                        + "\"startsAt\":\"2024-03-02T22:00:00Z\",\"endsAt\":\"2024-03-03T02:00:00Z\","
                        + "\"title\":null}";

        Maintenance maintenance = MaintenanceSerde.INSTANCE.parse(json).value();

        assertThat(maintenance.title()).isNull();
        assertThat(maintenance.url()).isNull();
        assertThat(maintenance.status()).isEqualTo(Maintenance.Status.IN_PROGRESS);
        assertThat(SCHEMA.validate(json, InputFormat.JSON)).isEmpty();
    }

    @Test
    void theWindowIncludesItsStartAndExcludesItsEnd() {
        Maintenance maintenance =
                new Maintenance(
                        "github",
                        CHANGED,
                        "m-1",
                        Maintenance.Status.SCHEDULED,
                        STARTS,
                        ENDS,
                        null,
                        null);

        assertThat(maintenance.covers(STARTS)).isTrue();
        assertThat(maintenance.covers(ENDS.minusSeconds(1))).isTrue();
        assertThat(maintenance.covers(ENDS)).isFalse();
        assertThat(maintenance.covers(STARTS.minusSeconds(1))).isFalse();
    }

    @Test
    void anEndBeforeTheStartIsRefused() {
        assertThatThrownBy(
                        () ->
                                new Maintenance(
                                        "github",
                                        CHANGED,
                                        "m-1",
                                        Maintenance.Status.SCHEDULED,
                                        ENDS,
                                        STARTS,
                                        null,
                                        null))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("endsAt 2024-03-02T22:00:00Z is before startsAt");
    }

    static Stream<Arguments> badDocuments() {
        return Stream.of(
                Arguments.of(FULL.replace("\"service\":\"github\",", ""), "missing_field: service"),
                Arguments.of(
                        FULL.replace("\"maintenanceId\":\"k3l1m2n3\",", ""),
                        "missing_field: maintenanceId"),
                Arguments.of(
                        FULL.replace("\"scheduled\"", "\"investigating\""),
                        "invalid_value: status"),
                Arguments.of(
                        FULL.replace("\"startsAt\":\"2024-03-02T22:00:00Z\"", "\"startsAt\":3"),
                        "timestamp_out_of_range: startsAt"),
                Arguments.of(
                        FULL.replace(",\"endsAt\":\"2024-03-03T02:00:00Z\"", ""),
                        "missing_field: endsAt"),
                Arguments.of(
                        FULL.replace("\"service\":\"github\"", "\"service\":\"Git Hub\""),
                        "invalid_id: service"),
                Arguments.of(
                        FULL.replace("https://www.githubstatus.com", "javascript:alert"),
                        "invalid_value: url"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badDocuments")
    void serdeAndSchemaRejectTheSameDocuments(String json, String reasonStart) {
        Parsed<Maintenance> parsed = MaintenanceSerde.INSTANCE.parse(json);

        assertThat(parsed.isOk()).isFalse();
        assertThat(((Parsed.Invalid<Maintenance>) parsed).reason()).startsWith(reasonStart);
        assertThat(SCHEMA.validate(json, InputFormat.JSON)).isNotEmpty();
    }
}
