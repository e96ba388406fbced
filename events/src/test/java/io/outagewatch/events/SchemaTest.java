package io.outagewatch.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.outagewatch.events.BadInputs.BadInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SchemaTest {
    private static final String SCHEMA_BASE = "https://outagewatch.io/schemas/";
    private static final ObjectMapper PLAIN_JSON = new ObjectMapper();

    /**
     * The schemas refer to each other by their https $id; mapping that prefix to the classpath
     * keeps the tests off the network and proves the bundled files are the ones referenced.
     */
    private static final JsonSchemaFactory FACTORY =
            JsonSchemaFactory.getInstance(
                    SpecVersion.VersionFlag.V202012,
                    builder ->
                            builder.schemaMappers(
                                    mappers ->
                                            mappers.mapPrefix(SCHEMA_BASE, "classpath:schemas/")));

    private static final List<String> SCHEMA_FILES =
            List.of(
                    BadInputs.PROBE_SCHEMA,
                    BadInputs.REPORT_SCHEMA,
                    BadInputs.STATUS_SCHEMA,
                    BadInputs.ALERT_SCHEMA,
                    BadInputs.DEAD_LETTER_SCHEMA);

    static Stream<Arguments> validDocuments() {
        return Stream.of(
                Arguments.of(
                        BadInputs.PROBE_SCHEMA,
                        ProbeResultSerde.INSTANCE.toJson(Samples.fullProbe())),
                Arguments.of(
                        BadInputs.PROBE_SCHEMA,
                        ProbeResultSerde.INSTANCE.toJson(Samples.minimalProbe())),
                Arguments.of(
                        BadInputs.PROBE_SCHEMA,
                        JsonDoc.probe().with("timestamp", "1699450920000").json()),
                Arguments.of(
                        BadInputs.PROBE_SCHEMA,
                        JsonDoc.probe()
                                .with("timestamp", "\"2023-11-08T05:42:00-08:00\"")
                                .with("region", "null")
                                .with("latencyMs", "null")
                                .with("unknownField", "{\"a\":[1]}")
                                .json()),
                Arguments.of(
                        BadInputs.REPORT_SCHEMA,
                        SocialReportSerde.INSTANCE.toJson(Samples.fullReport())),
                Arguments.of(
                        BadInputs.REPORT_SCHEMA,
                        SocialReportSerde.INSTANCE.toJson(Samples.minimalReport())),
                Arguments.of(
                        BadInputs.STATUS_SCHEMA,
                        StatusUpdateSerde.INSTANCE.toJson(Samples.fullStatus())),
                Arguments.of(
                        BadInputs.STATUS_SCHEMA,
                        StatusUpdateSerde.INSTANCE.toJson(Samples.minimalStatus())),
                Arguments.of(
                        BadInputs.STATUS_SCHEMA, JsonDoc.status().with("impact", "null").json()),
                Arguments.of(
                        BadInputs.ALERT_SCHEMA,
                        AlertSerde.INSTANCE.toJson(Samples.fullStartedAlert())),
                Arguments.of(
                        BadInputs.ALERT_SCHEMA,
                        AlertSerde.INSTANCE.toJson(Samples.updatedAlertWithTimeLeft())),
                Arguments.of(
                        BadInputs.ALERT_SCHEMA,
                        AlertSerde.INSTANCE.toJson(Samples.startedAlertWithoutTimeLeft())),
                Arguments.of(BadInputs.ALERT_SCHEMA, AlertEstimatesTest.OLDER_STARTED_ALERT),
                Arguments.of(
                        BadInputs.ALERT_SCHEMA,
                        AlertSerde.INSTANCE.toJson(Samples.updatedAlertWithRelated())),
                Arguments.of(
                        BadInputs.ALERT_SCHEMA,
                        JsonDoc.startedAlert()
                                .with("estimatedRemainingSeconds", "null")
                                .with("estimatedRemainingLowSeconds", "null")
                                .with("estimatedRemainingHighSeconds", "null")
                                .with("estimateBasis", "null")
                                .json()),
                Arguments.of(
                        BadInputs.ALERT_SCHEMA,
                        JsonDoc.startedAlert()
                                .with("estimateBasis", "\"" + "b".repeat(256) + "\"")
                                .json()),
                Arguments.of(
                        BadInputs.ALERT_SCHEMA,
                        JsonDoc.startedAlert()
                                .with("estimateBasis", "\"" + "😩".repeat(256) + "\"")
                                .json()),
                Arguments.of(
                        BadInputs.ALERT_SCHEMA,
                        JsonDoc.recoveredAlert()
                                .with("estimatedRemainingSeconds", "0")
                                .with("estimatedRemainingLowSeconds", "0")
                                .with("estimatedRemainingHighSeconds", "600")
                                .with("estimateBasis", "\"from 41 past ChatGPT incidents\"")
                                .json()),
                Arguments.of(
                        BadInputs.ALERT_SCHEMA,
                        AlertSerde.INSTANCE.toJson(Samples.minimalStartedAlert())),
                Arguments.of(
                        BadInputs.ALERT_SCHEMA,
                        AlertSerde.INSTANCE.toJson(Samples.fullRecoveredAlert())),
                Arguments.of(
                        BadInputs.ALERT_SCHEMA,
                        AlertSerde.INSTANCE.toJson(Samples.minimalRecoveredAlert())),
                Arguments.of(
                        BadInputs.ALERT_SCHEMA,
                        JsonDoc.recoveredAlert()
                                .with("estimatedDurationSeconds", "null")
                                .with("estimatedDurationLowSeconds", "null")
                                .with("estimatedDurationHighSeconds", "null")
                                .with("officialStatus", "null")
                                .json()),
                Arguments.of(
                        BadInputs.DEAD_LETTER_SCHEMA,
                        DeadLetterSerde.INSTANCE.toJson(Samples.fullDeadLetter())),
                Arguments.of(
                        BadInputs.DEAD_LETTER_SCHEMA,
                        DeadLetterSerde.INSTANCE.toJson(Samples.minimalDeadLetter())));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("validDocuments")
    void serdeAndSchemaBothAcceptValidDocuments(String schemaFile, String json) {
        assertThat(BadInputs.serdeFor(schemaFile).parse(json).isOk()).isTrue();
        assertThat(validate(schemaFile, json)).isEmpty();
    }

    static Stream<BadInput> schemaExpressibleBadInputs() {
        // BadInputs marks the cases a schema cannot express (invalid UTF-8 never reaches a
        // schema; too_large, nesting depth and duplicate keys are properties of the bytes, not of
        // the parsed tree; text length after trimming, unpaired surrogates and cross-field rules
        // are beyond JSON Schema) and gives the reason next to each case.
        return BadInputs.schemaExpressible().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemaExpressibleBadInputs")
    void serdeAndSchemaBothRejectBadDocuments(BadInput bad) {
        assertThat(bad.serde().parse(bad.json()).isOk()).isFalse();
        assertThat(validate(bad.schema(), bad.json())).isNotEmpty();
    }

    @Test
    void mostBadInputsAreAlsoCheckedAgainstTheSchemas() {
        assertThat(BadInputs.schemaExpressible().size())
                .isGreaterThan(BadInputs.all().size() * 3 / 4);
    }

    static Stream<String> schemaFiles() {
        return SCHEMA_FILES.stream();
    }

    @ParameterizedTest
    @MethodSource("schemaFiles")
    void schemaIsValidDraft202012(String schemaFile) {
        JsonSchema metaSchema =
                FACTORY.getSchema(
                        SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));

        assertThat(metaSchema.validate(readSchema(schemaFile))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("schemaFiles")
    void schemaDeclaresItsIdAndAllowsUnknownFields(String schemaFile) {
        JsonNode schema = readSchema(schemaFile);

        assertThat(schema.path("$id").asText()).isEqualTo(SCHEMA_BASE + schemaFile);
        assertThat(schema.path("$schema").asText())
                .isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.path("additionalProperties").asBoolean()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("schemaFiles")
    void everyPropertyIsDescribed(String schemaFile) {
        List<String> undescribed = new ArrayList<>();
        collectUndescribedProperties(readSchema(schemaFile), "", undescribed);

        assertThat(undescribed).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("schemaFiles")
    void schemaSharesTheIdAndTimestampRulesWithTheCode(String schemaFile) {
        JsonNode defs = readSchema(schemaFile).path("$defs");

        assertThat(defs.path("id").path("pattern").asText()).isEqualTo("^" + Ids.PATTERN + "$");
        assertThat(defs.path("timestamp"))
                .isEqualTo(readSchema(BadInputs.PROBE_SCHEMA).path("$defs").path("timestamp"));
        assertThat(defs.path("timestamp").path("oneOf").get(1).path("minimum").asLong())
                .isEqualTo(Timestamps.EARLIEST.toEpochMilli());
        assertThat(defs.path("timestamp").path("oneOf").get(1).path("maximum").asLong())
                .isEqualTo(Timestamps.END_EXCLUSIVE.toEpochMilli() - 1);
    }

    @Test
    void alertSchemaSharesTheEstimateBasisLimitWithTheCode() {
        JsonNode basis =
                readSchema(BadInputs.ALERT_SCHEMA).path("properties").path("estimateBasis");

        assertThat(basis.path("maxLength").asInt()).isEqualTo(Alert.ESTIMATE_BASIS_MAX_CHARS);
    }

    @Test
    void alertSchemaChecksItsNestedStatusUpdateWithTheStatusSchema() {
        String json =
                JsonDoc.startedAlert()
                        .withNested("officialStatus", JsonDoc.status().with("impact", "\"huge\""))
                        .json();

        assertThat(validate(BadInputs.ALERT_SCHEMA, json))
                .anySatisfy(
                        message ->
                                assertThat(message.getInstanceLocation().toString())
                                        .contains("officialStatus"));
    }

    private static void collectUndescribedProperties(
            JsonNode schemaNode, String path, List<String> undescribed) {
        JsonNode properties = schemaNode.path("properties");
        Iterator<Map.Entry<String, JsonNode>> fields = properties.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> property = fields.next();
            String propertyPath = path + property.getKey();
            if (!property.getValue().path("description").isTextual()) {
                undescribed.add(propertyPath);
            }
            collectUndescribedProperties(property.getValue(), propertyPath + ".", undescribed);
        }
        Iterator<Map.Entry<String, JsonNode>> defs = schemaNode.path("$defs").fields();
        while (defs.hasNext()) {
            Map.Entry<String, JsonNode> def = defs.next();
            collectUndescribedProperties(def.getValue(), path + def.getKey() + ".", undescribed);
        }
    }

    private static Set<ValidationMessage> validate(String schemaFile, String json) {
        JsonSchema schema = FACTORY.getSchema(SchemaLocation.of(SCHEMA_BASE + schemaFile));
        try {
            return schema.validate(PLAIN_JSON.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode readSchema(String schemaFile) {
        try (InputStream in = SchemaTest.class.getResourceAsStream("/schemas/" + schemaFile)) {
            assertThat(in).as("classpath resource /schemas/" + schemaFile).isNotNull();
            return PLAIN_JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
