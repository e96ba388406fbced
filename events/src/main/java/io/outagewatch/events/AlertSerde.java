package io.outagewatch.events;

import java.io.IOException;

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
        return JsonCodec.toJson(value, AlertSerde::write);
    }

    @Override
    public byte[] toBytes(Alert value) {
        return JsonCodec.toBytes(value, AlertSerde::write);
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

    static void write(JsonObject out, Alert value) throws IOException {
        out.string("incidentId", value.incidentId())
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
                .object("evidence", value.evidence(), AlertSerde::writeEvidence)
                .object("officialStatus", value.officialStatus(), StatusUpdateSerde::write)
                .number("leadSecondsOverAck", value.leadSecondsOverAck())
                .number("version", value.version())
                .objectsUnlessEmpty("related", value.related(), AlertSerde::writeRelatedIncident);
    }

    static void writeRelatedIncident(JsonObject out, RelatedIncident value) throws IOException {
        out.string("incidentId", value.incidentId())
                .string("service", value.service())
                .strings("regions", value.regions())
                .timestamp("startedAt", value.startedAt());
    }

    static void writeEvidence(JsonObject out, Evidence value) throws IOException {
        out.number("probeFailureRate", value.probeFailureRate())
                .number("probeFailureBaseline", value.probeFailureBaseline())
                .strings("failingVantages", value.failingVantages())
                .strings("healthyVantages", value.healthyVantages())
                .number("reportRate", value.reportRate())
                .number("reportBaseline", value.reportBaseline())
                .number("score", value.score());
    }

    private Object readResolve() {
        return INSTANCE;
    }
}
