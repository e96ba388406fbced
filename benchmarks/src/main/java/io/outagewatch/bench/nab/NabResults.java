package io.outagewatch.bench.nab;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * NAB result files: {@code <detector>/<category>/<detector>_<name>.csv}, columns found by name in
 * the header (at least {@code timestamp} and {@code anomaly_score}; NAB also writes {@code value}
 * and {@code label}).
 */
public final class NabResults {

    /** The timestamps and anomaly scores of one result file. */
    public record Series(List<LocalDateTime> timestamps, double[] anomalyScores) {}

    private NabResults() {}

    /** The result file of data file {@code <category>/<name>.csv} under {@code detectorDir}. */
    public static Path resultFile(Path detectorDir, String detector, String dataFile) {
        int slash = dataFile.lastIndexOf('/');
        String category = slash < 0 ? "" : dataFile.substring(0, slash);
        String name = dataFile.substring(slash + 1);
        return detectorDir.resolve(category).resolve(detector + "_" + name);
    }

    /** Whether {@code dir} holds result files named for a detector called as the folder is. */
    public static boolean isDetectorDir(Path dir) throws IOException {
        if (!Files.isDirectory(dir) || dir.getFileName() == null) {
            return false;
        }
        String prefix = dir.getFileName() + "_";
        try (var categories = Files.list(dir)) {
            for (Path category : categories.filter(Files::isDirectory).toList()) {
                try (var files = Files.list(category)) {
                    if (files.anyMatch(
                            f -> {
                                String n = f.getFileName().toString();
                                return n.startsWith(prefix) && n.endsWith(".csv");
                            })) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Reads a result (or data) file's {@code timestamp} and {@code scoreColumn} columns. */
    public static Series read(Path file, String scoreColumn) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            throw new IOException(file + ": empty, no header");
        }
        List<String> header = Arrays.stream(lines.get(0).split(",", -1)).map(String::trim).toList();
        int ts = header.indexOf("timestamp");
        int score = header.indexOf(scoreColumn);
        if (ts < 0 || score < 0) {
            throw new IOException(
                    file + ": needs columns timestamp and " + scoreColumn + ", has " + header);
        }
        List<LocalDateTime> timestamps = new ArrayList<>(lines.size());
        double[] scores = new double[lines.size() - 1];
        int n = 0;
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            try {
                timestamps.add(NabWindows.parseTimestamp(cells[ts]));
                scores[n++] = Double.parseDouble(cells[score].trim());
            } catch (DateTimeParseException | NumberFormatException | IndexOutOfBoundsException e) {
                throw new IOException(file + ":" + (i + 1) + ": bad row: " + line, e);
            }
        }
        return new Series(List.copyOf(timestamps), Arrays.copyOf(scores, n));
    }

    /** Writes NAB's {@code timestamp,value,anomaly_score,label}, creating parent folders. */
    public static void write(
            Path file,
            List<LocalDateTime> timestamps,
            double[] values,
            double[] anomalyScores,
            int[] labels)
            throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("timestamp,value,anomaly_score,label\n");
            for (int i = 0; i < timestamps.size(); i++) {
                w.write(NabWindows.formatTimestamp(timestamps.get(i)));
                w.write(',');
                w.write(Double.toString(values[i]));
                w.write(',');
                w.write(Double.toString(anomalyScores[i]));
                w.write(',');
                w.write(Integer.toString(labels[i]));
                w.write('\n');
            }
        }
    }
}
