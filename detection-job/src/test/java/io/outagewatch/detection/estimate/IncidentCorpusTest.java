package io.outagewatch.detection.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IncidentCorpusTest {

    /** Records in the bundled corpus, as its README states. */
    private static final int BUNDLED_RECORDS = 10_023;

    /**
     * Records with a duration: the README's "excluding retroactive posts" row (9,135), less none,
     * as the 22 GCP posts after their end and the 22 without a first post are among those.
     */
    private static final int BUNDLED_WITH_DURATION = 9_135;

    private static final String RECORD =
            """
            {"service": "GitHub", "source": "x", "id": "abc", "title": "Incident with Actions",\
             "impact": "major", "createdAt": "2026-03-02T14:00:00Z", "startedAt": null,\
             "identifiedAt": "2026-03-02T14:20:00Z", "monitoringAt": null,\
             "resolvedAt": "2026-03-02T15:00:00Z", "components": ["Actions", "Pages"],\
             "sourceKind": "x", "timePrecision": "minute"}\
            """;

    @Test
    void aRecordKeepsTheFieldsTheModelUses() throws IOException {
        CorpusIncident incident =
                IncidentCorpus.parse(
                        new com.fasterxml.jackson.databind.ObjectMapper().readTree(RECORD));

        assertThat(incident.service()).isEqualTo("GitHub");
        assertThat(incident.impact()).isEqualTo(ImpactLevel.MAJOR);
        assertThat(incident.identifiedAt()).isEqualTo(Instant.parse("2026-03-02T14:20:00Z"));
        assertThat(incident.monitoringAt()).isNull();
        assertThat(incident.components()).containsExactly("Actions", "Pages");
        assertThat(incident.carriesDuration()).isTrue();
        assertThat(incident.contextAt(Instant.parse("2026-03-02T14:10:00Z")).identifiedAt())
                .as("not posted yet at 14:10")
                .isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "an hour long | \"createdAt\": \"2026-03-02T14:00:00Z\" | true",
                "first post was the resolution | \"createdAt\": \"2026-03-02T14:00:00Z\","
                        + " \"firstPostIsResolution\": true | false",
                "posted after its end | \"createdAt\": \"2026-03-02T14:00:00Z\","
                        + " \"postedAfterResolution\": true | false",
                "under a minute | \"createdAt\": \"2026-03-02T14:59:30Z\" | false",
                "no first post (Azure) | \"createdAt\": null | false",
            })
    void onlyRecordsWithAMeaningfulDurationCarryOne(String name, String created, boolean carries)
            throws IOException {
        String line =
                "{\"service\": \"S\", \"id\": \"1\", \"title\": null, \"impact\": null, "
                        + created
                        + ", \"resolvedAt\": \"2026-03-02T15:00:00Z\", \"components\": []}";

        CorpusIncident incident =
                IncidentCorpus.parse(
                        new com.fasterxml.jackson.databind.ObjectMapper().readTree(line));

        assertThat(incident.carriesDuration()).isEqualTo(carries);
    }

    @Test
    void plainAndGzipFilesReadTheSame(@TempDir Path directory) throws IOException {
        Path plain = directory.resolve("corpus.jsonl");
        Path gzip = directory.resolve("corpus.jsonl.gz");
        Files.writeString(plain, RECORD + "\n\n" + RECORD + "\n");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gzip))) {
            out.write(Files.readAllBytes(plain));
        }

        List<CorpusIncident> fromPlain = IncidentCorpus.read(plain);

        assertThat(fromPlain).hasSize(2);
        assertThat(IncidentCorpus.read(gzip)).isEqualTo(fromPlain);
    }

    @Test
    void aBadLineIsNamedByNumber(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("bad.jsonl");
        Files.writeString(file, RECORD + "\n{\"service\": \"S\"}\n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> IncidentCorpus.read(file))
                .isInstanceOf(IOException.class)
                .hasMessage(file + " line 2: no id");
    }

    @Test
    void theBundledCorpusIsTheWholeCorpus() {
        List<CorpusIncident> corpus = IncidentCorpus.bundled();

        assertThat(corpus).hasSize(BUNDLED_RECORDS);
        assertThat(corpus.stream().filter(CorpusIncident::carriesDuration).count())
                .isEqualTo(BUNDLED_WITH_DURATION);
    }
}
