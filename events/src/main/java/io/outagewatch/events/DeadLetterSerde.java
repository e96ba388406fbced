package io.outagewatch.events;

import java.io.IOException;

/** JSON serde for {@link DeadLetter}. */
public final class DeadLetterSerde implements EventSerde<DeadLetter> {
    private static final long serialVersionUID = 1L;

    public static final DeadLetterSerde INSTANCE = new DeadLetterSerde();

    private DeadLetterSerde() {}

    @Override
    public Parsed<DeadLetter> parse(String json) {
        return JsonCodec.parse(json, DeadLetterSerde::read);
    }

    @Override
    public Parsed<DeadLetter> parse(byte[] utf8) {
        return JsonCodec.parse(utf8, DeadLetterSerde::read);
    }

    @Override
    public String toJson(DeadLetter value) {
        return JsonCodec.toJson(value, DeadLetterSerde::write);
    }

    @Override
    public byte[] toBytes(DeadLetter value) {
        return JsonCodec.toBytes(value, DeadLetterSerde::write);
    }

    static DeadLetter read(JsonFields fields) {
        return new DeadLetter(
                fields.requiredString("origin"),
                fields.requiredString("raw"),
                fields.requiredString("reason"),
                fields.requiredTimestamp("timestamp"));
    }

    static void write(JsonObject out, DeadLetter value) throws IOException {
        out.string("origin", value.origin())
                .string("raw", value.raw())
                .string("reason", value.reason())
                .timestamp("timestamp", value.timestamp());
    }

    private Object readResolve() {
        return INSTANCE;
    }
}
