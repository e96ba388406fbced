package io.outagewatch.events;

import java.io.IOException;

/** JSON serde for {@link SocialReport}. */
public final class SocialReportSerde implements EventSerde<SocialReport> {
    private static final long serialVersionUID = 1L;

    public static final SocialReportSerde INSTANCE = new SocialReportSerde();

    private SocialReportSerde() {}

    @Override
    public Parsed<SocialReport> parse(String json) {
        return JsonCodec.parse(json, SocialReportSerde::read);
    }

    @Override
    public Parsed<SocialReport> parse(byte[] utf8) {
        return JsonCodec.parse(utf8, SocialReportSerde::read);
    }

    @Override
    public String toJson(SocialReport value) {
        return JsonCodec.toJson(value, SocialReportSerde::write);
    }

    @Override
    public byte[] toBytes(SocialReport value) {
        return JsonCodec.toBytes(value, SocialReportSerde::write);
    }

    static SocialReport read(JsonFields fields) {
        return new SocialReport(
                fields.requiredTimestamp("timestamp"),
                fields.requiredString("text"),
                fields.optionalString("source"),
                fields.optionalString("author"),
                fields.optionalString("lang"),
                fields.optionalString("service"),
                fields.optionalString("region"));
    }

    static void write(JsonObject out, SocialReport value) throws IOException {
        out.timestamp("timestamp", value.timestamp())
                .string("text", value.text())
                .string("source", value.source())
                .string("author", value.author())
                .string("lang", value.lang())
                .string("service", value.service())
                .string("region", value.region());
    }

    private Object readResolve() {
        return INSTANCE;
    }
}
