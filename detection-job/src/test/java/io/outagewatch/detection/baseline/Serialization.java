package io.outagewatch.detection.baseline;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;

/** Java serialization round trips, as Flink's fallback serializer would do to keyed state. */
final class Serialization {

    private Serialization() {}

    static byte[] bytes(Serializable value) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(buffer)) {
            out.writeObject(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }

    @SuppressWarnings("unchecked")
    static <T extends Serializable> T copy(T value) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes(value)))) {
            return (T) in.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
