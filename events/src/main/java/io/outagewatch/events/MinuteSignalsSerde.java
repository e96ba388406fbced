package io.outagewatch.events;

import java.io.IOException;

/** JSON serde for {@link MinuteSignals}. */
public final class MinuteSignalsSerde implements EventSerde<MinuteSignals> {
    private static final long serialVersionUID = 1L;

    public static final MinuteSignalsSerde INSTANCE = new MinuteSignalsSerde();

    private MinuteSignalsSerde() {}

    @Override
    public Parsed<MinuteSignals> parse(String json) {
        return JsonCodec.parse(json, MinuteSignalsSerde::read);
    }

    @Override
    public Parsed<MinuteSignals> parse(byte[] utf8) {
        return JsonCodec.parse(utf8, MinuteSignalsSerde::read);
    }

    @Override
    public String toJson(MinuteSignals value) {
        return JsonCodec.toJson(value, MinuteSignalsSerde::write);
    }

    @Override
    public byte[] toBytes(MinuteSignals value) {
        return JsonCodec.toBytes(value, MinuteSignalsSerde::write);
    }

    static MinuteSignals read(JsonFields fields) {
        return new MinuteSignals(
                fields.requiredString("service"),
                fields.requiredTimestamp("minuteStart"),
                fields.requiredInt("complaints"),
                fields.requiredDouble("expectedComplaints"),
                fields.requiredInt("probes"),
                fields.optionalDouble("probeFailureShare"),
                fields.optionalStringList("failingVantages"),
                fields.requiredInt("reportingVantages"),
                fields.optionalDouble("latencyP95Ms"),
                fields.optionalDouble("latencyBaselineP95Ms"),
                fields.requiredEnum("verdict", MinuteVerdict.values(), MinuteVerdict::name));
    }

    static void write(JsonObject out, MinuteSignals value) throws IOException {
        out.string("service", value.service())
                .timestamp("minuteStart", value.minuteStart())
                .number("complaints", value.complaints())
                .number("expectedComplaints", value.expectedComplaints())
                .number("probes", value.probes())
                .number("probeFailureShare", value.probeFailureShare())
                .strings("failingVantages", value.failingVantages())
                .number("reportingVantages", value.reportingVantages())
                .number("latencyP95Ms", value.latencyP95Ms())
                .number("latencyBaselineP95Ms", value.latencyBaselineP95Ms())
                .string("verdict", value.verdict().name());
    }

    private Object readResolve() {
        return INSTANCE;
    }
}
