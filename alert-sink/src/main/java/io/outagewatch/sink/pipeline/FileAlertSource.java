package io.outagewatch.sink.pipeline;

import io.outagewatch.events.Alert;
import io.outagewatch.events.AlertSerde;
import io.outagewatch.events.DeadLetter;
import io.outagewatch.events.Parsed;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * {@code --from-file}: alerts from a JSON-lines file through the same pipeline, line by line in
 * file order. Blank lines are skipped; unreadable lines become dead letters with origin {@code
 * file:line}. Running the same file again delivers nothing twice, thanks to the delivery log.
 */
public final class FileAlertSource {

    private final DeliveryPipeline pipeline;
    private final DeadLetterPublisher deadLetters;
    private final Clock clock;

    public FileAlertSource(
            DeliveryPipeline pipeline, DeadLetterPublisher deadLetters, Clock clock) {
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
        this.deadLetters = Objects.requireNonNull(deadLetters, "deadLetters");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** What a run did. */
    public record Summary(
            int alerts,
            int invalidLines,
            long delivered,
            long rejected,
            long skipped,
            long silenced) {
        Summary add(AlertReport report) {
            return new Summary(
                    alerts + 1,
                    invalidLines,
                    delivered + report.count(AlertReport.Reason.DELIVERED),
                    rejected
                            + report.count(AlertReport.Reason.REJECTED)
                            + report.count(AlertReport.Reason.EXHAUSTED),
                    skipped
                            + report.count(AlertReport.Reason.ALREADY_DELIVERED)
                            + report.count(AlertReport.Reason.ALREADY_REJECTED)
                            + report.count(AlertReport.Reason.SUPERSEDED),
                    silenced + report.count(AlertReport.Reason.SILENCED));
        }

        Summary invalid() {
            return new Summary(alerts, invalidLines + 1, delivered, rejected, skipped, silenced);
        }

        @Override
        public String toString() {
            return alerts
                    + " alerts, "
                    + invalidLines
                    + " invalid lines; deliveries: "
                    + delivered
                    + " delivered, "
                    + rejected
                    + " rejected, "
                    + skipped
                    + " already done"
                    + (silenced == 0 ? "" : ", " + silenced + " silenced");
        }
    }

    public Summary deliverAll(Path file) throws IOException, InterruptedException {
        Summary summary = new Summary(0, 0, 0, 0, 0, 0);
        String name = file.getFileName().toString();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int number = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String origin = name + ":" + number;
                Parsed<Alert> parsed = AlertSerde.INSTANCE.parse(line);
                if (parsed instanceof Parsed.Invalid<Alert> invalid) {
                    deadLetters.publish(
                            DeadLetter.of(origin, line, invalid.reason(), clock.instant()));
                    pipeline.metrics().alertInvalid();
                    summary = summary.invalid();
                } else {
                    summary = summary.add(pipeline.process(parsed.value(), origin));
                }
            }
        }
        return summary;
    }
}
