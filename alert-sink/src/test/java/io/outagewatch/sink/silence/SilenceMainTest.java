package io.outagewatch.sink.silence;

import static org.assertj.core.api.Assertions.assertThat;

import io.outagewatch.sink.history.HistoryStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code bin/outagewatch silence} on a real SQLite history. */
@Timeout(value = 1, unit = TimeUnit.MINUTES)
class SilenceMainTest {

    private static final Instant NOW = Instant.parse("2024-03-02T21:00:00Z");

    @TempDir Path directory;

    private String db;
    private ByteArrayOutputStream out;
    private ByteArrayOutputStream err;

    @BeforeEach
    void paths() {
        db = "jdbc:sqlite:" + directory.resolve("history.db");
        reset();
    }

    @Test
    void addListAndExpire() throws Exception {
        assertThat(
                        run(
                                "add",
                                "--db",
                                db,
                                "--service",
                                "chatgpt",
                                "--severity",
                                "major",
                                "--from",
                                "2024-03-02T22:00:00Z",
                                "--for",
                                "2h",
                                "--comment",
                                "database failover",
                                "--by",
                                "alice"))
                .isZero();
        String id = out.toString(StandardCharsets.UTF_8).strip();
        assertThat(id).matches("s-[0-9a-f]{16}");

        reset();
        assertThat(run("list", "--db", db)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .startsWith("ID ")
                .contains(id)
                .contains("chatgpt")
                .contains("MAJOR")
                .contains("2024-03-02T22:00:00Z")
                .contains("2024-03-03T00:00:00Z")
                .contains("pending")
                .contains("alice")
                .contains("database failover");

        reset();
        assertThat(run("expire", id, "--db", db)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo(id + " expired at 2024-03-02T22:00:00Z\n");

        reset();
        assertThat(run("list", "--db", db)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo("no active or pending silences\n");
        reset();
        assertThat(run("list", "--db", db, "--all", "--json")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("\"id\":\"" + id + "\"")
                .contains("\"state\":\"expired\"")
                .contains("\"source\":\"manual\"");
    }

    @Test
    void aSilenceWithoutAStartBeginsNowAndIsByTheUser() throws Exception {
        assertThat(
                        run(
                                "add",
                                "--db",
                                db,
                                "--service",
                                "github",
                                "--until",
                                "2024-03-03",
                                "--comment",
                                "x"))
                .isZero();
        try (HistoryStore store = HistoryStore.open(db)) {
            Silence silence = store.silences().get(0);
            assertThat(silence.startsAt()).isEqualTo(NOW);
            assertThat(silence.endsAt()).isEqualTo(Instant.parse("2024-03-03T00:00:00Z"));
            assertThat(silence.createdBy()).isEqualTo("carol");
        }
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "add --service chatgpt --for 2h                                   | add needs --comment",
                "add --service chatgpt --comment x                                | add needs --until TIME or --for DURATION",
                "add --comment x --for 2h                                         | add needs --service",
                "add --service chatgpt --comment x --from 2024-03-03 --until 2024-03-02 | silence add: the end 2024-03-02T00:00:00Z is not after the start 2024-03-03T00:00:00Z",
                "add --service nosuch --comment x --for 2h --catalog CATALOG      | silence add: service 'nosuch' is not in the catalog",
                "add --service chatgpt --comment x --for 2h --severity fatal       | silence add: severity 'fatal' is not one of MAJOR, PARTIAL, DEGRADED",
                "add --service chatgpt --comment x --until tomorrow               | silence add: until: 'tomorrow' is not a time",
                "expire                                                           | expire needs the silence's ID",
                "expire s-nope                                                    | silence expire: no silence s-nope",
                "mute --service chatgpt                                           | unknown subcommand 'mute'",
            })
    void badInputExitsTwoWithAClearMessage(String args, String message) throws Exception {
        Path catalog = directory.resolve("catalog.json");
        Files.writeString(
                catalog,
                "{\"services\":[{\"id\":\"chatgpt\",\"name\":\"ChatGPT\",\"aliases\":[\"chatgpt\"]}]}");
        if (args.startsWith("expire s-")) {
            try (HistoryStore store = HistoryStore.open(db)) {
                store.silences();
            }
        }
        String[] split =
                (args.trim() + " --db " + db).replace("CATALOG", catalog.toString()).split("\\s+");

        assertThat(run(split)).isEqualTo(2);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains(message);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    private void reset() {
        out = new ByteArrayOutputStream();
        err = new ByteArrayOutputStream();
    }

    private int run(String... args) {
        return SilenceMain.run(
                args,
                "carol",
                Clock.fixed(NOW, ZoneOffset.UTC),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
