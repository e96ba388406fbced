package io.outagewatch.sink.pipeline;

import io.outagewatch.events.DeadLetter;
import io.outagewatch.events.DeadLetterSerde;
import java.io.PrintStream;

/** Writes each dead letter as one JSON line, for {@code --from-file} runs without Kafka. */
public final class PrintingDeadLetterPublisher implements DeadLetterPublisher {

    private final PrintStream out;

    public PrintingDeadLetterPublisher(PrintStream out) {
        this.out = out;
    }

    @Override
    public void publish(DeadLetter deadLetter) {
        out.println("dead letter: " + DeadLetterSerde.INSTANCE.toJson(deadLetter));
        out.flush();
    }
}
