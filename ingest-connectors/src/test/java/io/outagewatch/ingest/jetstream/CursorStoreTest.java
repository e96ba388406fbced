package io.outagewatch.ingest.jetstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.outagewatch.ingest.jetstream.CursorStore.Checkpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class CursorStoreTest {

    private static final long CURSOR = 1_783_175_888_090_631L;
    private static final RecentKeys.Entry RECENT =
            new RecentKeys.Entry(
                    RecentKeys.Key.of("did:plc:a", "app.bsky.feed.post", "k", "r"), CURSOR - 1);

    @TempDir Path dir;

    @Test
    void noFileMeansNoCursor() {
        assertThat(new CursorStore(dir.resolve("absent.cursor")).load()).isEmpty();
    }

    @Test
    void savesAndLoadsTheCursorAndRecentKeysLeavingNoTemporaryFile() throws Exception {
        CursorStore store = new CursorStore(dir.resolve("nested/dir/jetstream.cursor"));

        store.save(new Checkpoint(CURSOR - 10, List.of()));
        store.save(new Checkpoint(CURSOR, List.of(RECENT)));

        assertThat(store.load()).contains(new Checkpoint(CURSOR, List.of(RECENT)));
        try (var files = Files.list(dir.resolve("nested/dir"))) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .containsExactly("jetstream.cursor");
        }
        assertThat(Files.readString(store.file())).doesNotContain("did:plc");
    }

    @Test
    void aFileWithJustANumberIsACursor() throws Exception {
        Path file = dir.resolve("by-hand.cursor");
        Files.writeString(file, CURSOR + "\n");

        assertThat(new CursorStore(file).load()).contains(new Checkpoint(CURSOR, List.of()));
    }

    @Test
    void aDamagedFileFailsNamingTheFile() throws Exception {
        Path file = dir.resolve("damaged.cursor");
        Files.writeString(file, "{\"time_us\":");

        assertThatThrownBy(() -> new CursorStore(file).load())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("fix or delete it");
    }

    @Test
    void aNonPositiveCursorIsRejected() throws Exception {
        Path file = dir.resolve("zero.cursor");
        Files.writeString(file, "0");

        assertThatThrownBy(() -> new CursorStore(file).load()).hasMessageContaining("not positive");
    }
}
