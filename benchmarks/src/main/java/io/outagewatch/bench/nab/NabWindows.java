package io.outagewatch.bench.nab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * NAB's labelled anomaly windows ({@code labels/combined_windows.json}): for each data file, keyed
 * {@code <category>/<name>.csv}, a list of {@code [start, end]} timestamps, both inclusive.
 */
public final class NabWindows {

    /** One window, both ends inclusive. */
    public record Window(LocalDateTime start, LocalDateTime end) {
        public boolean contains(LocalDateTime t) {
            return !t.isBefore(start) && !t.isAfter(end);
        }
    }

    private static final DateTimeFormatter TIMESTAMP =
            new DateTimeFormatterBuilder()
                    .appendPattern("yyyy-MM-dd HH:mm:ss")
                    .optionalStart()
                    .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
                    .optionalEnd()
                    .toFormatter();

    private final Map<String, List<Window>> byFile;

    public NabWindows(Map<String, List<Window>> byFile) {
        Map<String, List<Window>> copy = new LinkedHashMap<>();
        byFile.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        this.byFile = Collections.unmodifiableMap(copy);
    }

    public static NabWindows read(Path labels) throws IOException {
        JsonNode root = new ObjectMapper().readTree(labels.toFile());
        if (root == null || !root.isObject()) {
            throw new IOException(labels + ": not a JSON object of windows per file");
        }
        Map<String, List<Window>> byFile = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            List<Window> windows = new ArrayList<>();
            for (JsonNode pair : e.getValue()) {
                if (!pair.isArray() || pair.size() != 2) {
                    throw new IOException(labels + ": " + e.getKey() + ": window is not a pair");
                }
                try {
                    windows.add(
                            new Window(
                                    parseTimestamp(pair.get(0).asText()),
                                    parseTimestamp(pair.get(1).asText())));
                } catch (DateTimeParseException ex) {
                    throw new IOException(labels + ": " + e.getKey() + ": " + ex.getMessage(), ex);
                }
            }
            byFile.put(e.getKey(), windows);
        }
        return new NabWindows(byFile);
    }

    /** Parses NAB's {@code yyyy-MM-dd HH:mm:ss[.ffffff]} (a {@code T} separator is accepted). */
    public static LocalDateTime parseTimestamp(String text) {
        return LocalDateTime.parse(text.trim().replace('T', ' '), TIMESTAMP);
    }

    public static String formatTimestamp(LocalDateTime t) {
        return t.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
    }

    /** The data files, keyed {@code <category>/<name>.csv}, in label-file order. */
    public List<String> files() {
        return List.copyOf(byFile.keySet());
    }

    public List<Window> windowsOf(String file) {
        List<Window> windows = byFile.get(file);
        if (windows == null) {
            throw new IllegalArgumentException("no labels for " + file);
        }
        return windows;
    }

    /** All windows of all files: NAB's count of possible true positives. */
    public int windowCount() {
        return byFile.values().stream().mapToInt(List::size).sum();
    }

    /** 1 for rows inside a window of {@code file}, else 0: the {@code label} column of results. */
    public int[] labels(String file, List<LocalDateTime> timestamps) {
        List<Window> windows = windowsOf(file);
        int[] labels = new int[timestamps.size()];
        for (int i = 0; i < labels.length; i++) {
            for (Window w : windows) {
                if (w.contains(timestamps.get(i))) {
                    labels[i] = 1;
                    break;
                }
            }
        }
        return labels;
    }
}
