package io.outagewatch.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The serdes stream their JSON to a generator. These tests hold that output to what Jackson writes
 * for a tree of the same fields, built here from the records' accessors, so field order, left-out
 * absent fields, number formatting and escaping stay what they were when the serdes wrote trees.
 */
class StreamingWriteTest {

    private static final int RECORDS_PER_TYPE = 500;

    record Case<T>(
            String name,
            EventSerde<T> serde,
            Function<RandomRecords, T> generator,
            Function<T, ObjectNode> tree) {
        @Override
        public String toString() {
            return name;
        }

        List<T> records() {
            RandomRecords random = new RandomRecords(name.hashCode());
            return Stream.generate(() -> generator.apply(random)).limit(RECORDS_PER_TYPE).toList();
        }
    }

    static Stream<Case<?>> types() {
        return Stream.of(
                new Case<>(
                        "probe result",
                        ProbeResultSerde.INSTANCE,
                        RandomRecords::probeResult,
                        StreamingWriteTest::tree),
                new Case<>(
                        "social report",
                        SocialReportSerde.INSTANCE,
                        RandomRecords::socialReport,
                        StreamingWriteTest::tree),
                new Case<>(
                        "status update",
                        StatusUpdateSerde.INSTANCE,
                        RandomRecords::statusUpdate,
                        StreamingWriteTest::tree),
                new Case<>(
                        "alert",
                        AlertSerde.INSTANCE,
                        RandomRecords::alert,
                        StreamingWriteTest::tree),
                new Case<>(
                        "dead letter",
                        DeadLetterSerde.INSTANCE,
                        RandomRecords::deadLetter,
                        StreamingWriteTest::tree),
                new Case<>(
                        "vantage health",
                        VantageHealthSerde.INSTANCE,
                        RandomRecords::vantageHealth,
                        StreamingWriteTest::tree),
                new Case<>(
                        "minute signals",
                        MinuteSignalsSerde.INSTANCE,
                        RandomRecords::minuteSignals,
                        StreamingWriteTest::tree),
                new Case<>(
                        "maintenance",
                        MaintenanceSerde.INSTANCE,
                        RandomRecords::maintenance,
                        StreamingWriteTest::tree));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    <T> void writesWhatJacksonWritesForTheSameTree(Case<T> type) throws Exception {
        for (T value : type.records()) {
            String fromTree = JsonCodec.MAPPER.writeValueAsString(type.tree().apply(value));

            assertThat(type.serde().toJson(value)).isEqualTo(fromTree);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    <T> void bytesAreTheTextInUtf8AndParseBackToTheValue(Case<T> type) {
        for (T value : type.records()) {
            byte[] bytes = type.serde().toBytes(value);

            assertThat(bytes)
                    .isEqualTo(type.serde().toJson(value).getBytes(StandardCharsets.UTF_8));
            assertThat(type.serde().parse(bytes)).isEqualTo(Parsed.ok(value));
        }
    }

    @Test
    void charactersOutsideTheBmpAreWrittenAsThemselvesNotAsEscapedSurrogates() {
        SocialReport report =
                new SocialReport(
                        Samples.OUTAGE_START, "down again 😩𝄞", null, "🤖", null, null, null);

        String bytesAsText =
                new String(SocialReportSerde.INSTANCE.toBytes(report), StandardCharsets.UTF_8);

        assertThat(bytesAsText)
                .isEqualTo(
                        "{\"timestamp\":\"2023-11-08T13:42:00Z\",\"text\":\"down again 😩𝄞\","
                                + "\"author\":\"🤖\"}");
    }

    @Test
    void aFieldWriterThatThrowsMidwayStillLeavesValidJson() throws Exception {
        IllegalStateException failure = new IllegalStateException("a value failed");
        JsonObject.FieldWriter<Evidence> failsAfterOneField =
                (json, evidence) -> {
                    json.strings("failingVantages", evidence.failingVantages());
                    throw failure;
                };
        JsonObject.FieldWriter<Alert> alertFields =
                (json, alert) ->
                        json.string("incidentId", alert.incidentId())
                                .object("evidence", alert.evidence(), failsAfterOneField);
        StringWriter out = new StringWriter();

        assertThatThrownBy(() -> JsonObject.write(out, Samples.fullStartedAlert(), alertFields))
                .isSameAs(failure);
        assertThat(JsonCodec.MAPPER.readTree(out.toString()))
                .isEqualTo(
                        JsonCodec.MAPPER.readTree(
                                "{\"incidentId\":\"chatgpt-20231108-1342\",\"evidence\":"
                                        + "{\"failingVantages\":[\"fra-1\",\"iad-2\",\"sin-1\"]}}"));
    }

    @Test
    void aFailedWriteLeavesLaterWritesUnharmed() throws Exception {
        IllegalStateException failure = new IllegalStateException("a value failed");
        MinuteSignals signals = new RandomRecords(1).minuteSignals();

        assertThatThrownBy(
                        () ->
                                JsonCodec.toJson(
                                        signals,
                                        (json, value) -> {
                                            json.string("service", value.service());
                                            throw failure;
                                        }))
                .isSameAs(failure);
        assertThat(MinuteSignalsSerde.INSTANCE.toJson(signals))
                .isEqualTo(JsonCodec.MAPPER.writeValueAsString(tree(signals)));
    }

    // ---- the reference: the records' fields as a Jackson tree, absent ones left out ----------

    private static ObjectNode tree(ProbeResult value) {
        ObjectNode node = JsonCodec.MAPPER.createObjectNode();
        node.put("service", value.service());
        node.put("vantage", value.vantage());
        node.put("region", value.region());
        node.put("target", value.target());
        node.put("timestamp", value.timestamp().toString());
        node.put("success", value.success());
        node.put("latencyMs", value.latencyMs());
        node.put("statusCode", value.statusCode());
        node.put("error", value.error());
        return withoutNulls(node);
    }

    private static ObjectNode tree(SocialReport value) {
        ObjectNode node = JsonCodec.MAPPER.createObjectNode();
        node.put("timestamp", value.timestamp().toString());
        node.put("text", value.text());
        node.put("source", value.source());
        node.put("author", value.author());
        node.put("lang", value.lang());
        node.put("service", value.service());
        node.put("region", value.region());
        return withoutNulls(node);
    }

    private static ObjectNode tree(StatusUpdate value) {
        ObjectNode node = JsonCodec.MAPPER.createObjectNode();
        node.put("service", value.service());
        node.put("timestamp", value.timestamp().toString());
        node.put("incidentId", value.incidentId());
        node.put("status", value.status().wireName());
        node.put("impact", value.impact() == null ? null : value.impact().wireName());
        node.put("title", value.title());
        node.put("url", value.url());
        return withoutNulls(node);
    }

    private static ObjectNode tree(Alert value) {
        ObjectNode node = JsonCodec.MAPPER.createObjectNode();
        node.put("incidentId", value.incidentId());
        node.put("type", value.type().name());
        node.put("service", value.service());
        node.put("severity", value.severity().name());
        strings(node, "regions", value.regions());
        node.put("startedAt", value.startedAt().toString());
        node.put("detectedAt", value.detectedAt().toString());
        node.put("recoveredAt", text(value.recoveredAt()));
        node.put("durationSeconds", value.durationSeconds());
        node.put("estimatedDurationSeconds", value.estimatedDurationSeconds());
        node.put("estimatedDurationLowSeconds", value.estimatedDurationLowSeconds());
        node.put("estimatedDurationHighSeconds", value.estimatedDurationHighSeconds());
        node.put("estimatedRemainingSeconds", value.estimatedRemainingSeconds());
        node.put("estimatedRemainingLowSeconds", value.estimatedRemainingLowSeconds());
        node.put("estimatedRemainingHighSeconds", value.estimatedRemainingHighSeconds());
        node.put("estimateBasis", value.estimateBasis());
        node.put("asOf", text(value.asOf()));
        node.set("evidence", tree(value.evidence()));
        node.set(
                "officialStatus",
                value.officialStatus() == null ? null : tree(value.officialStatus()));
        node.put("leadSecondsOverAck", value.leadSecondsOverAck());
        node.put("version", value.version());
        if (!value.related().isEmpty()) {
            ArrayNode related = node.putArray("related");
            value.related().forEach(incident -> related.add(tree(incident)));
        }
        return withoutNulls(node);
    }

    private static ObjectNode tree(Evidence value) {
        ObjectNode node = JsonCodec.MAPPER.createObjectNode();
        node.put("probeFailureRate", value.probeFailureRate());
        node.put("probeFailureBaseline", value.probeFailureBaseline());
        strings(node, "failingVantages", value.failingVantages());
        strings(node, "healthyVantages", value.healthyVantages());
        node.put("reportRate", value.reportRate());
        node.put("reportBaseline", value.reportBaseline());
        node.put("score", value.score());
        return withoutNulls(node);
    }

    private static ObjectNode tree(RelatedIncident value) {
        ObjectNode node = JsonCodec.MAPPER.createObjectNode();
        node.put("incidentId", value.incidentId());
        node.put("service", value.service());
        strings(node, "regions", value.regions());
        node.put("startedAt", value.startedAt().toString());
        return node;
    }

    private static ObjectNode tree(DeadLetter value) {
        ObjectNode node = JsonCodec.MAPPER.createObjectNode();
        node.put("origin", value.origin());
        node.put("raw", value.raw());
        node.put("reason", value.reason());
        node.put("timestamp", value.timestamp().toString());
        return node;
    }

    private static ObjectNode tree(VantageHealth value) {
        ObjectNode node = JsonCodec.MAPPER.createObjectNode();
        node.put("vantage", value.vantage());
        node.put("minuteStart", value.minuteStart().toString());
        node.put("servicesProbed", value.servicesProbed());
        node.put("servicesFailing", value.servicesFailing());
        node.put("clockAheadSeconds", value.clockAheadSeconds());
        return withoutNulls(node);
    }

    private static ObjectNode tree(MinuteSignals value) {
        ObjectNode node = JsonCodec.MAPPER.createObjectNode();
        node.put("service", value.service());
        node.put("minuteStart", value.minuteStart().toString());
        node.put("complaints", value.complaints());
        node.put("expectedComplaints", value.expectedComplaints());
        node.put("probes", value.probes());
        node.put("probeFailureShare", value.probeFailureShare());
        strings(node, "failingVantages", value.failingVantages());
        node.put("reportingVantages", value.reportingVantages());
        node.put("latencyP95Ms", value.latencyP95Ms());
        node.put("latencyBaselineP95Ms", value.latencyBaselineP95Ms());
        node.put("verdict", value.verdict().name());
        return withoutNulls(node);
    }

    private static ObjectNode tree(Maintenance value) {
        ObjectNode node = JsonCodec.MAPPER.createObjectNode();
        node.put("service", value.service());
        node.put("timestamp", value.timestamp().toString());
        node.put("maintenanceId", value.maintenanceId());
        node.put("status", value.status().wireName());
        node.put("startsAt", value.startsAt().toString());
        node.put("endsAt", value.endsAt().toString());
        node.put("title", value.title());
        node.put("url", value.url());
        return withoutNulls(node);
    }

    private static void strings(ObjectNode node, String name, List<String> values) {
        ArrayNode array = node.putArray(name);
        values.forEach(array::add);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    /** The wire form leaves absent optional fields out, where a null put puts a JSON null. */
    private static ObjectNode withoutNulls(ObjectNode node) {
        return node.removeNulls();
    }
}
