package io.outagewatch.ingest.jetstream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps the cursor between runs: the time_us of the last frame whose reports were handed to the
 * publisher, and the keys of the posts published shortly before it. Writes go to a temporary file
 * in the same directory that is then moved over the old one, so a crash leaves either file whole.
 *
 * <p>Format: {@code {"time_us":1783175888090631,"recent":[{"key":"<sha-256>","time_us":...}]}}. A
 * file holding just a number is read as a cursor with no recent keys, so a person can start a run
 * at a chosen time.
 */
final class CursorStore {

    /** What a run leaves for the next. */
    record Checkpoint(long timeUs, List<RecentKeys.Entry> recent) {
        Checkpoint {
            recent = List.copyOf(recent);
        }
    }

    private final Path file;

    CursorStore(Path file) {
        this.file = Objects.requireNonNull(file, "file").toAbsolutePath();
    }

    Path file() {
        return file;
    }

    /**
     * @return empty when the file does not exist
     * @throws IllegalArgumentException naming the file when it cannot be read or understood
     */
    Optional<Checkpoint> load() {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read cursor file " + file + ": " + e, e);
        }
        try {
            JsonNode root = JetstreamFrame.MAPPER.readTree(text);
            if (root != null && root.isIntegralNumber() && root.canConvertToLong()) {
                return Optional.of(new Checkpoint(positive(root.longValue()), List.of()));
            }
            if (root == null || !root.isObject() || !root.path("time_us").canConvertToLong()) {
                throw new IllegalArgumentException("no time_us");
            }
            List<RecentKeys.Entry> recent = new ArrayList<>();
            for (JsonNode entry : root.path("recent")) {
                if (!entry.path("key").isTextual() || !entry.path("time_us").isIntegralNumber()) {
                    throw new IllegalArgumentException("bad entry in recent: " + entry);
                }
                recent.add(
                        new RecentKeys.Entry(
                                new RecentKeys.Key(entry.get("key").textValue()),
                                entry.get("time_us").longValue()));
            }
            return Optional.of(new Checkpoint(positive(root.get("time_us").longValue()), recent));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "cursor file "
                            + file
                            + " does not hold a Jetstream cursor ("
                            + e.getMessage()
                            + "); fix or delete it",
                    e);
        }
    }

    void save(Checkpoint checkpoint) throws IOException {
        ObjectNode root = JetstreamFrame.MAPPER.createObjectNode();
        root.put("time_us", checkpoint.timeUs());
        ArrayNode recent = root.putArray("recent");
        for (RecentKeys.Entry entry : checkpoint.recent()) {
            recent.addObject().put("key", entry.key().digest()).put("time_us", entry.timeUs());
        }
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), ".jetstream-cursor-", ".tmp");
        try {
            Files.writeString(
                    temp, JetstreamFrame.MAPPER.writeValueAsString(root), StandardCharsets.UTF_8);
            try {
                Files.move(
                        temp,
                        file,
                        StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static long positive(long timeUs) {
        if (timeUs <= 0) {
            throw new IllegalArgumentException("time_us " + timeUs + " is not positive");
        }
        return timeUs;
    }
}
