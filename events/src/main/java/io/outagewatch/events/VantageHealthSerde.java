package io.outagewatch.events;

import java.io.IOException;

/** JSON serde for {@link VantageHealth}. */
public final class VantageHealthSerde implements EventSerde<VantageHealth> {
    private static final long serialVersionUID = 1L;

    public static final VantageHealthSerde INSTANCE = new VantageHealthSerde();

    private VantageHealthSerde() {}

    @Override
    public Parsed<VantageHealth> parse(String json) {
        return JsonCodec.parse(json, VantageHealthSerde::read);
    }

    @Override
    public Parsed<VantageHealth> parse(byte[] utf8) {
        return JsonCodec.parse(utf8, VantageHealthSerde::read);
    }

    @Override
    public String toJson(VantageHealth value) {
        return JsonCodec.toJson(value, VantageHealthSerde::write);
    }

    @Override
    public byte[] toBytes(VantageHealth value) {
        return JsonCodec.toBytes(value, VantageHealthSerde::write);
    }

    static VantageHealth read(JsonFields fields) {
        return new VantageHealth(
                fields.requiredString("vantage"),
                fields.requiredTimestamp("minuteStart"),
                fields.requiredInt("servicesProbed"),
                fields.requiredInt("servicesFailing"),
                fields.optionalLong("clockAheadSeconds"));
    }

    static void write(JsonObject out, VantageHealth value) throws IOException {
        out.string("vantage", value.vantage())
                .timestamp("minuteStart", value.minuteStart())
                .number("servicesProbed", value.servicesProbed())
                .number("servicesFailing", value.servicesFailing())
                .number("clockAheadSeconds", value.clockAheadSeconds());
    }

    private Object readResolve() {
        return INSTANCE;
    }
}
