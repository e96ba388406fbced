package io.outagewatch.ingest.publish;

import io.outagewatch.events.EventSerde;
import java.io.PrintStream;
import java.util.Objects;

/** Writes each event as one line of its wire JSON. */
public final class JsonLinesPublisher<T> implements EventPublisher<T> {

    private final PrintStream out;
    private final EventSerde<T> serde;

    public JsonLinesPublisher(PrintStream out, EventSerde<T> serde) {
        this.out = Objects.requireNonNull(out, "out");
        this.serde = Objects.requireNonNull(serde, "serde");
    }

    @Override
    public void publish(T event) {
        String line = serde.toJson(event);
        synchronized (out) {
            out.println(line);
        }
    }

    @Override
    public void flush() {
        out.flush();
    }

    @Override
    public long failedDeliveries() {
        return out.checkError() ? 1 : 0;
    }

    @Override
    public void close() {
        flush();
    }
}
