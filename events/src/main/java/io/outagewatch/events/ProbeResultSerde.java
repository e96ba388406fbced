package io.outagewatch.events;

import java.io.IOException;

/** JSON serde for {@link ProbeResult}. */
public final class ProbeResultSerde implements EventSerde<ProbeResult> {
    private static final long serialVersionUID = 1L;

    public static final ProbeResultSerde INSTANCE = new ProbeResultSerde();

    private ProbeResultSerde() {}

    @Override
    public Parsed<ProbeResult> parse(String json) {
        return JsonCodec.parse(json, ProbeResultSerde::read);
    }

    @Override
    public Parsed<ProbeResult> parse(byte[] utf8) {
        return JsonCodec.parse(utf8, ProbeResultSerde::read);
    }

    @Override
    public String toJson(ProbeResult value) {
        return JsonCodec.toJson(value, ProbeResultSerde::write);
    }

    @Override
    public byte[] toBytes(ProbeResult value) {
        return JsonCodec.toBytes(value, ProbeResultSerde::write);
    }

    static ProbeResult read(JsonFields fields) {
        return new ProbeResult(
                fields.requiredString("service"),
                fields.requiredString("vantage"),
                fields.optionalString("region"),
                fields.optionalString("target"),
                fields.requiredTimestamp("timestamp"),
                fields.requiredBoolean("success"),
                fields.optionalDouble("latencyMs"),
                fields.optionalInt("statusCode"),
                fields.optionalString("error"));
    }

    static void write(JsonObject out, ProbeResult value) throws IOException {
        out.string("service", value.service())
                .string("vantage", value.vantage())
                .string("region", value.region())
                .string("target", value.target())
                .timestamp("timestamp", value.timestamp())
                .bool("success", value.success())
                .number("latencyMs", value.latencyMs())
                .number("statusCode", value.statusCode())
                .string("error", value.error());
    }

    private Object readResolve() {
        return INSTANCE;
    }
}
