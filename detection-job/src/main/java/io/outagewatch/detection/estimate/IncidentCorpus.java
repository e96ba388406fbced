package io.outagewatch.detection.estimate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** Reads incident-corpus files: JSON lines, plain or gzip, in the bundled corpus's format. */
public final class IncidentCorpus {

    /** The bundled corpus, in {@code detection-job/src/main/resources}; see its README. */
    public static final String BUNDLED_RESOURCE = "/incidents/corpus.jsonl.gz";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int GZIP_MAGIC = 0x8b1f;

    private IncidentCorpus() {}

    /** Every record of the bundled corpus, in file order. */
    public static List<CorpusIncident> bundled() {
        try (InputStream in = IncidentCorpus.class.getResourceAsStream(BUNDLED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("no " + BUNDLED_RESOURCE + " on the classpath");
            }
            return read(in, BUNDLED_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + BUNDLED_RESOURCE, e);
        }
    }

    /** Every record of {@code file} (gzip or plain), in file order. */
    public static List<CorpusIncident> read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    private static List<CorpusIncident> read(InputStream raw, String name) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw);
        in.mark(2);
        int magic = in.read() | (in.read() << 8);
        in.reset();
        InputStream text = magic == GZIP_MAGIC ? new GZIPInputStream(in) : in;
        List<CorpusIncident> incidents = new ArrayList<>();
        BufferedReader lines =
                new BufferedReader(new InputStreamReader(text, StandardCharsets.UTF_8));
        int number = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            try {
                incidents.add(parse(JSON.readTree(line)));
            } catch (IOException | RuntimeException e) {
                throw new IOException(name + " line " + number + ": " + e.getMessage(), e);
            }
        }
        return incidents;
    }

    static CorpusIncident parse(JsonNode record) {
        List<String> components = new ArrayList<>();
        for (JsonNode component : record.path("components")) {
            components.add(component.asText());
        }
        return new CorpusIncident(
                required(record, "service"),
                required(record, "id"),
                text(record, "title"),
                ImpactLevel.ofCorpus(text(record, "impact")),
                instant(record, "createdAt"),
                instant(record, "identifiedAt"),
                instant(record, "monitoringAt"),
                Instant.parse(required(record, "resolvedAt")),
                components,
                record.path("firstPostIsResolution").asBoolean(false)
                        || record.path("postedAfterResolution").asBoolean(false));
    }

    private static String required(JsonNode record, String field) {
        String value = text(record, field);
        if (value == null) {
            throw new IllegalArgumentException("no " + field);
        }
        return value;
    }

    private static String text(JsonNode record, String field) {
        JsonNode value = record.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Instant instant(JsonNode record, String field) {
        String value = text(record, field);
        return value == null ? null : Instant.parse(value);
    }
}
