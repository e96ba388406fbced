package io.outagewatch.ingest.statuspage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.outagewatch.events.StatusUpdate.Impact;
import io.outagewatch.events.StatusUpdate.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class LedgerFileTest {

    private static final Instant T1 = Instant.parse("2026-11-20T14:02:11.418Z");

    @TempDir Path directory;

    @Test
    void roundTrips() {
        IncidentLedger ledger = new IncidentLedger();
        ledger.put(
                "example",
                "a",
                new IncidentLedger.Entry(
                        T1,
                        Status.IDENTIFIED,
                        Impact.MAJOR,
                        "Errors",
                        "https://s.test/incidents/a",
                        List.of("chatgpt", "sora")));
        ledger.put(
                "example",
                "b",
                new IncidentLedger.Entry(
                        T1, Status.RESOLVED, null, null, null, List.of("chatgpt")));
        LedgerFile file = new LedgerFile(directory.resolve("nested/state.json"));

        file.save(ledger);

        assertThat(file.load().copy()).isEqualTo(ledger.copy());
        assertThat(directory.resolve("nested"))
                .isDirectoryContaining(path -> path.getFileName().toString().equals("state.json"));
        assertThat(directory.resolve("nested").toFile().list()).containsExactly("state.json");
    }

    @Test
    void aMissingFileIsAnEmptyLedger() {
        assertThat(new LedgerFile(directory.resolve("absent.json")).load().size()).isZero();
    }

    @Test
    void aCorruptFileFailsNamingIt() throws Exception {
        Path corrupt = directory.resolve("state.json");
        Files.writeString(
                corrupt, "{\"version\":1,\"pages\":{\"p\":{\"a\":{\"updatedAt\":\"yesterday\"}}}}");

        assertThatThrownBy(() -> new LedgerFile(corrupt).load())
                .isInstanceOf(StatusPageConfigException.class)
                .hasMessageContaining(corrupt.toString())
                .hasMessageContaining("move it away");
    }
}
