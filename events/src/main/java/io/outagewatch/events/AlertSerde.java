package io.outagewatch.events;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * JSON serde for {@link Alert}. {@code evidence} is a nested object; {@code officialStatus} is
 * nested in the {@link StatusUpdate} wire form; {@code related} is an array of objects, written
 * last and only when there are some, so an alert without any is written as before it existed.
 */
public final class AlertSerde implements EventSerde<Alert> {
    private static final long serialVersionUID = 1L;

    public static final AlertSerde INSTANCE = new AlertSerde();

    private AlertSerde() {}

    @Override
    public Parsed<Alert> parse(String json) {
        return JsonCodec.parse(json, AlertSerde::read);
    }

    @Override
    public Parsed<Alert> parse(byte[] utf8) {
        return JsonCodec.parse(utf8, AlertSerde::read);
    }

    @Override
    public String toJson(Alert value) {
        return JsonCodec.toJson(write(value));
    }

    @Override
    public byte[] toBytes(Alert value) {
        return JsonCodec.toBytes(write(value));
    }

    static Alert read(JsonFields fields) {
        return new Alert(
                fields.requiredString("incidentId"),
                fields.requiredEnum("type", AlertType.values(), AlertType::name),
                fields.requiredString("service"),
                fields.requiredEnum("severity", Severity.values(), Severity::name),
                fields.optionalStringList("regions"),
                fields.requiredTimestamp("startedAt"),
                fields.requiredTimestamp("detectedAt"),
                fields.optionalTimestamp("recoveredAt"),
                fields.optionalLong("durationSeconds"),
                fields.optionalLong("estimatedDurationSeconds"),
                fields.optionalLong("estimatedDurationLowSeconds"),
                fields.optionalLong("estimatedDurationHighSeconds"),
                fields.requiredObject("evidence", AlertSerde::readEvidence),
                fields.optionalObject("officialStatus", StatusUpdateSerde::read),
                fields.optionalLong("leadSecondsOverAck"),
                fields.requiredInt("version"),
                fields.optionalLong("estimatedRemainingSeconds"),
                fields.optionalLong("estimatedRemainingLowSeconds"),
                fields.optionalLong("estimatedRemainingHighSeconds"),
                fields.optionalString("estimateBasis"),
                fields.optionalTimestamp("asOf"),
                fields.optionalObjectList(
                        "related", Alert.MAX_RELATED, AlertSerde::readRelatedIncident));
    }

    static RelatedIncident readRelatedIncident(JsonFields fields) {
        return new RelatedIncident(
                fields.requiredString("incidentId"),
                fields.requiredString("service"),
                fields.optionalStringList("regions"),
                fields.requiredTimestamp("startedAt"));
    }

    static Evidence readEvidence(JsonFields fields) {
        return new Evidence(
                fields.optionalDouble("probeFailureRate"),
                fields.optionalDouble("probeFailureBaseline"),
                fields.optionalStringList("failingVantages"),
                fields.optionalStringList("healthyVantages"),
                fields.optionalDouble("reportRate"),
                fields.optionalDouble("reportBaseline"),
                fields.requiredDouble("score"));
    }

    static ObjectNode write(Alert value) {
        return new JsonObject()
                .string("incidentId", value.incidentId())
                .string("type", value.type().name())
                .string("service", value.service())
                .string("severity", value.severity().name())
                .strings("regions", value.regions())
                .timestamp("startedAt", value.startedAt())
                .timestamp("detectedAt", value.detectedAt())
                .timestamp("recoveredAt", value.recoveredAt())
                .number("durationSeconds", value.durationSeconds())
                .number("estimatedDurationSeconds", value.estimatedDurationSeconds())
                .number("estimatedDurationLowSeconds", value.estimatedDurationLowSeconds())
                .number("estimatedDurationHighSeconds", value.estimatedDurationHighSeconds())
                .number("estimatedRemainingSeconds", value.estimatedRemainingSeconds())
                .number("estimatedRemainingLowSeconds", value.estimatedRemainingLowSeconds())
                .number("estimatedRemainingHighSeconds", value.estimatedRemainingHighSeconds())
                .string("estimateBasis", value.estimateBasis())
                .timestamp("asOf", value.asOf())
                .object("evidence", writeEvidence(value.evidence()))
                .object(
                        "officialStatus",
                        value.officialStatus() == null
                                ? null
                                : StatusUpdateSerde.write(value.officialStatus()))
                .number("leadSecondsOverAck", value.leadSecondsOverAck())
                .number("version", value.version())
                .objectsUnlessEmpty(
                        "related",
                        value.related().stream().map(AlertSerde::writeRelatedIncident).toList())
                .node();
    }

    static ObjectNode writeRelatedIncident(RelatedIncident value) {
        return new JsonObject()
                .string("incidentId", value.incidentId())
                .string("service", value.service())
                .strings("regions", value.regions())
                .timestamp("startedAt", value.startedAt())
                .node();
    }

    static ObjectNode writeEvidence(Evidence value) {
        return new JsonObject()
                .number("probeFailureRate", value.probeFailureRate())
                .number("probeFailureBaseline", value.probeFailureBaseline())
                .strings("failingVantages", value.failingVantages())
                .strings("healthyVantages", value.healthyVantages())
                .number("reportRate", value.reportRate())
                .number("reportBaseline", value.reportBaseline())
                .number("score", value.score())
                .node();
    }

    private Object readResolve() {
        return INSTANCE;
    }
}
