package io.outagewatch.events;

import java.io.IOException;

/** JSON serde for {@link Maintenance}. */
public final class MaintenanceSerde implements EventSerde<Maintenance> {
    private static final long serialVersionUID = 1L;

    public static final MaintenanceSerde INSTANCE = new MaintenanceSerde();

    private MaintenanceSerde() {}

    @Override
    public Parsed<Maintenance> parse(String json) {
        return JsonCodec.parse(json, MaintenanceSerde::read);
    }

    @Override
    public Parsed<Maintenance> parse(byte[] utf8) {
        return JsonCodec.parse(utf8, MaintenanceSerde::read);
    }

    @Override
    public String toJson(Maintenance value) {
        return JsonCodec.toJson(value, MaintenanceSerde::write);
    }

    @Override
    public byte[] toBytes(Maintenance value) {
        return JsonCodec.toBytes(value, MaintenanceSerde::write);
    }

    static Maintenance read(JsonFields fields) {
        return new Maintenance(
                fields.requiredString("service"),
                fields.requiredTimestamp("timestamp"),
                fields.requiredString("maintenanceId"),
                fields.requiredEnum(
                        "status", Maintenance.Status.values(), Maintenance.Status::wireName),
                fields.requiredTimestamp("startsAt"),
                fields.requiredTimestamp("endsAt"),
                fields.optionalString("title"),
                fields.optionalString("url"));
    }

    static void write(JsonObject out, Maintenance value) throws IOException {
        out.string("service", value.service())
                .timestamp("timestamp", value.timestamp())
                .string("maintenanceId", value.maintenanceId())
                .string("status", value.status().wireName())
                .timestamp("startsAt", value.startsAt())
                .timestamp("endsAt", value.endsAt())
                .string("title", value.title())
                .string("url", value.url());
    }

    private Object readResolve() {
        return INSTANCE;
    }
}
