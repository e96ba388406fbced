package io.outagewatch.events;

import java.io.IOException;

/** JSON serde for {@link StatusUpdate}; also used for {@link Alert#officialStatus()}. */
public final class StatusUpdateSerde implements EventSerde<StatusUpdate> {
    private static final long serialVersionUID = 1L;

    public static final StatusUpdateSerde INSTANCE = new StatusUpdateSerde();

    private StatusUpdateSerde() {}

    @Override
    public Parsed<StatusUpdate> parse(String json) {
        return JsonCodec.parse(json, StatusUpdateSerde::read);
    }

    @Override
    public Parsed<StatusUpdate> parse(byte[] utf8) {
        return JsonCodec.parse(utf8, StatusUpdateSerde::read);
    }

    @Override
    public String toJson(StatusUpdate value) {
        return JsonCodec.toJson(value, StatusUpdateSerde::write);
    }

    @Override
    public byte[] toBytes(StatusUpdate value) {
        return JsonCodec.toBytes(value, StatusUpdateSerde::write);
    }

    static StatusUpdate read(JsonFields fields) {
        return new StatusUpdate(
                fields.requiredString("service"),
                fields.requiredTimestamp("timestamp"),
                fields.requiredString("incidentId"),
                fields.requiredEnum(
                        "status", StatusUpdate.Status.values(), StatusUpdate.Status::wireName),
                fields.optionalEnum(
                        "impact", StatusUpdate.Impact.values(), StatusUpdate.Impact::wireName),
                fields.optionalString("title"),
                fields.optionalString("url"));
    }

    static void write(JsonObject out, StatusUpdate value) throws IOException {
        out.string("service", value.service())
                .timestamp("timestamp", value.timestamp())
                .string("incidentId", value.incidentId())
                .string("status", value.status().wireName())
                .string("impact", value.impact() == null ? null : value.impact().wireName())
                .string("title", value.title())
                .string("url", value.url());
    }

    private Object readResolve() {
        return INSTANCE;
    }
}
