package io.outagewatch.detection.replay;

import io.outagewatch.events.ProbeResult;
import io.outagewatch.events.ProbeResultSerde;
import io.outagewatch.events.SocialReport;
import io.outagewatch.events.SocialReportSerde;
import io.outagewatch.events.StatusUpdate;
import io.outagewatch.events.StatusUpdateSerde;
import io.outagewatch.scenario.Scenario;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Writes a scenario as replay input files, either in time order or roughened the way real streams
 * are: records arrive out of order by up to a bound, some twice, and garbage lines in between. A
 * correct detector gives the same alerts for both.
 */
public final class ScenarioInput {

    /** How roughened input should be. */
    public record Roughness(
            Duration maxDisorder, double duplicateShare, double malformedShare, long seed) {

        public static final Roughness NONE = new Roughness(Duration.ZERO, 0, 0, 0);

        /** ±25 s disorder, 2 % duplicates, 1 % malformed lines. */
        public static Roughness realistic(long seed) {
            return new Roughness(Duration.ofSeconds(25), 0.02, 0.01, seed);
        }
    }

    /** The replay input files of one scenario. */
    public record InputFiles(Path probes, Path reports, Path status) {}

    static final List<String> MALFORMED_LINES =
            List.of(
                    "{\"service\":",
                    "not json at all",
                    "{\"service\":\"chatgpt\",\"vantage\":\"us-east-1a\",\"timestamp\":\"yesterday\","
                            + "\"success\":true}",
                    "[1,2,3]",
                    "{\"timestamp\":\"2023-11-08T13:42:00Z\",\"text\":" + 7 + "}");

    private ScenarioInput() {}

    public static InputFiles write(Scenario scenario, Path dir, Roughness roughness)
            throws IOException {
        Files.createDirectories(dir);
        SplittableRandom random = new SplittableRandom(roughness.seed());
        Path probes = dir.resolve(Scenario.PROBES_FILE);
        Path reports = dir.resolve(Scenario.REPORTS_FILE);
        Path status = dir.resolve(Scenario.STATUS_FILE);
        writeLines(
                probes,
                roughen(
                        scenario.probes(),
                        ProbeResult::timestamp,
                        ProbeResultSerde.INSTANCE::toJson,
                        roughness,
                        random));
        writeLines(
                reports,
                roughen(
                        scenario.reports(),
                        SocialReport::timestamp,
                        SocialReportSerde.INSTANCE::toJson,
                        roughness,
                        random));
        writeLines(
                status,
                roughen(
                        scenario.statusUpdates(),
                        StatusUpdate::timestamp,
                        StatusUpdateSerde.INSTANCE::toJson,
                        roughness,
                        random));
        return new InputFiles(probes, reports, status);
    }

    private record Line(long arrival, long sequence, String json) {}

    private static <T> List<String> roughen(
            List<T> records,
            Function<T, Instant> eventTime,
            Function<T, String> json,
            Roughness roughness,
            SplittableRandom random) {
        long disorderMillis = roughness.maxDisorder().toMillis();
        List<Line> lines = new ArrayList<>(records.size());
        long sequence = 0;
        for (T record : records) {
            long time = eventTime.apply(record).toEpochMilli();
            String text = json.apply(record);
            lines.add(new Line(time + delay(disorderMillis, random), sequence++, text));
            if (random.nextDouble() < roughness.duplicateShare()) {
                lines.add(new Line(time + delay(disorderMillis, random), sequence++, text));
            }
            if (random.nextDouble() < roughness.malformedShare()) {
                String garbage = MALFORMED_LINES.get(random.nextInt(MALFORMED_LINES.size()));
                lines.add(new Line(time, sequence++, garbage));
            }
        }
        // A record is delayed by at most maxDisorder, so it is never later than the watermark's
        // out-of-orderness allows when maxDisorder stays below it.
        lines.sort(Comparator.comparingLong(Line::arrival).thenComparingLong(Line::sequence));
        return lines.stream().map(Line::json).toList();
    }

    private static long delay(long maxMillis, SplittableRandom random) {
        return maxMillis == 0 ? 0 : random.nextLong(maxMillis + 1);
    }

    private static void writeLines(Path file, List<String> lines) throws IOException {
        Files.write(file, lines, StandardCharsets.UTF_8);
    }
}
