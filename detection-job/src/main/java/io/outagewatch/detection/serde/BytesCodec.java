package io.outagewatch.detection.serde;

import io.outagewatch.events.EventSerde;
import io.outagewatch.events.Parsed;
import java.io.IOException;
import java.io.Serializable;
import org.apache.flink.util.InstantiationUtil;

/** Turns values into bytes and back, for {@link CodecTypeInfo}. */
public interface BytesCodec<T> extends Serializable {

    byte[] encode(T value) throws IOException;

    T decode(byte[] bytes, ClassLoader classLoader) throws IOException;

    /** Values that never change can be shared instead of copied between operators. */
    default boolean immutableValues() {
        return false;
    }

    /** A wire type as its contract's JSON. */
    static <T> BytesCodec<T> wire(EventSerde<T> serde) {
        return new WireCodec<>(serde);
    }

    /**
     * Java serialisation, for detector state made of plain Java objects; it copes with the
     * immutable collections of the records, which Kryo cannot rebuild.
     */
    static <T extends Serializable> BytesCodec<T> javaSerialization() {
        return new JavaSerializationCodec<>();
    }

    /** See {@link #wire}. */
    record WireCodec<T>(EventSerde<T> serde) implements BytesCodec<T> {
        @Override
        public boolean immutableValues() {
            return true;
        }

        @Override
        public byte[] encode(T value) {
            return serde.toBytes(value);
        }

        @Override
        public T decode(byte[] bytes, ClassLoader classLoader) throws IOException {
            Parsed<T> parsed = serde.parse(bytes);
            if (parsed instanceof Parsed.Ok<T> ok) {
                return ok.value();
            }
            throw new IOException(
                    "stored record no longer parses: " + ((Parsed.Invalid<T>) parsed).reason());
        }
    }

    /** See {@link #javaSerialization}. */
    record JavaSerializationCodec<T extends Serializable>() implements BytesCodec<T> {
        @Override
        public byte[] encode(T value) throws IOException {
            return InstantiationUtil.serializeObject(value);
        }

        @Override
        public T decode(byte[] bytes, ClassLoader classLoader) throws IOException {
            try {
                return InstantiationUtil.deserializeObject(bytes, classLoader);
            } catch (ClassNotFoundException e) {
                throw new IOException("stored state names a class that is gone", e);
            }
        }
    }
}
