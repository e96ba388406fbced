package io.outagewatch.events;

import com.fasterxml.jackson.databind.node.ObjectNode;

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
        return JsonCodec.toJson(write(value));
    }

    @Override
    public byte[] toBytes(SocialReport value) {
        return JsonCodec.toBytes(write(value));
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

    static ObjectNode write(SocialReport value) {
        return new JsonObject()
                .timestamp("timestamp", value.timestamp())
                .string("text", value.text())
                .string("source", value.source())
                .string("author", value.author())
                .string("lang", value.lang())
                .string("service", value.service())
                .string("region", value.region())
                .node();
    }

    private Object readResolve() {
        return INSTANCE;
    }
}
