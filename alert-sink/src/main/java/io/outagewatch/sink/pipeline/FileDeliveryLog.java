package io.outagewatch.sink.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The delivery log as an append-only JSON-lines file. Each {@link #record} writes one line and
 * forces it to disk ({@link FileChannel#force}) before returning.
 *
 * <p>On open the file is read into memory and compacted: records older than the retention are
 * dropped and the file is rewritten atomically (temporary file, fsync, rename, fsync of the
 * directory). A torn last line, left by a crash in the middle of a write, is dropped; a bad line
 * anywhere else fails the open, naming the line. The file is locked while open, so two sinks cannot
 * share one log.
 *
 * <p>Memory is bounded by the retention as well: each {@link #record} also forgets, in memory, the
 * records that have passed the retention since (the file keeps them until the next open). A
 * long-running sink holds at most the records of one retention period.
 *
 * <p>The retention must exceed how far back the sink can re-read alerts (the retention of the
 * {@code outage-alerts} topic, or the age of a {@code --from-file} backfill), or an alert read
 * again after its record was compacted away is delivered again.
 */
public final class FileDeliveryLog implements DeliveryLog {

    public static final Duration DEFAULT_RETENTION = Duration.ofDays(14);

    private static final Logger LOG = LoggerFactory.getLogger(FileDeliveryLog.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INCIDENT_ID = "incidentId";
    private static final String VERSION = "version";
    private static final String RECEIVER = "receiver";
    private static final String OUTCOME = "outcome";
    private static final String AT = "at";

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final Duration retention;
    private final Clock clock;
    private final Map<Key, DeliveryRecord> records = new ConcurrentHashMap<>();

    /** Per incident and receiver, the accepted record with the highest version. */
    private final Map<Latest, DeliveryRecord> latestDelivered = new ConcurrentHashMap<>();

    /** Every record in memory, oldest first, so expiry looks only at the head. */
    private final Deque<DeliveryRecord> byAge = new ArrayDeque<>();

    private FileDeliveryLog(
            Path file,
            FileChannel channel,
            FileLock lock,
            Duration retention,
            Clock clock,
            List<DeliveryRecord> kept) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        this.retention = retention;
        this.clock = clock;
        kept.forEach(this::remember);
    }

    /**
     * Opens or creates the log, dropping records older than {@code retention} before {@code
     * clock}'s now.
     *
     * @throws IOException when the file cannot be read, written or locked, or holds a bad line
     */
    public static FileDeliveryLog open(Path file, Duration retention, Clock clock)
            throws IOException {
        Objects.requireNonNull(retention, "retention");
        Path absolute = file.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Instant keepFrom = clock.instant().minus(retention);

        Loaded loaded = Files.exists(absolute) ? load(absolute) : new Loaded(List.of(), false);
        List<DeliveryRecord> kept = new ArrayList<>();
        for (DeliveryRecord record : loaded.records()) {
            if (!record.at().isBefore(keepFrom)) {
                kept.add(record);
            }
        }
        boolean created = !Files.exists(absolute);
        if (created || kept.size() < loaded.records().size() || loaded.tornTail()) {
            rewrite(absolute, kept);
            LOG.info(
                    "delivery log {}: kept {} of {} records (retention {})",
                    absolute,
                    kept.size(),
                    loaded.records().size(),
                    retention);
        }

        FileChannel channel =
                FileChannel.open(absolute, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new IOException("delivery log " + absolute + " is in use by another sink");
        }
        return new FileDeliveryLog(absolute, channel, lock, retention, clock, kept);
    }

    @Override
    public Optional<DeliveryRecord> find(String incidentId, int version, String receiver) {
        return Optional.ofNullable(records.get(new Key(incidentId, version, receiver)));
    }

    @Override
    public OptionalInt latestDelivered(String incidentId, String receiver) {
        DeliveryRecord latest = latestDelivered.get(new Latest(incidentId, receiver));
        return latest == null ? OptionalInt.empty() : OptionalInt.of(latest.version());
    }

    @Override
    public synchronized void record(DeliveryRecord record) throws IOException {
        if (!channel.isOpen()) {
            throw new IOException("delivery log " + file + " is closed");
        }
        ByteBuffer line = ByteBuffer.wrap(toLine(record));
        while (line.hasRemaining()) {
            channel.write(line);
        }
        channel.force(false);
        remember(record);
        forgetExpired(clock.instant().minus(retention));
    }

    /** How many records are held in memory. */
    public synchronized int size() {
        return byAge.size();
    }

    private void remember(DeliveryRecord record) {
        records.put(Key.of(record), record);
        byAge.addLast(record);
        if (record.outcome() == DeliveryOutcome.DELIVERED) {
            latestDelivered.merge(
                    Latest.of(record),
                    record,
                    (held, added) -> added.version() >= held.version() ? added : held);
        }
    }

    private void forgetExpired(Instant keepFrom) {
        while (!byAge.isEmpty() && byAge.peekFirst().at().isBefore(keepFrom)) {
            DeliveryRecord expired = byAge.removeFirst();
            records.remove(Key.of(expired), expired);
            latestDelivered.remove(Latest.of(expired), expired);
        }
    }

    /** The records in memory, for tests and diagnostics. */
    public Collection<DeliveryRecord> records() {
        return List.copyOf(records.values());
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized void close() throws IOException {
        if (channel.isOpen()) {
            try {
                lock.release();
            } finally {
                channel.close();
            }
        }
    }

    private record Loaded(List<DeliveryRecord> records, boolean tornTail) {}

    private static Loaded load(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String[] lines = text.split("\n", -1);
        List<DeliveryRecord> records = new ArrayList<>();
        boolean tornTail = false;
        // The text after the last newline is empty unless a write was cut short.
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            boolean last = i == lines.length - 1;
            if (line.isEmpty()) {
                continue;
            }
            try {
                if (last) {
                    throw new IllegalArgumentException("no newline at the end");
                }
                records.add(fromLine(line));
            } catch (RuntimeException | JsonProcessingException e) {
                if (last) {
                    LOG.warn("delivery log {}: dropping torn last line {}", file, i + 1);
                    tornTail = true;
                } else {
                    throw new IOException(
                            "delivery log " + file + " line " + (i + 1) + " is not valid: " + e, e);
                }
            }
        }
        return new Loaded(records, tornTail);
    }

    private static void rewrite(Path file, List<DeliveryRecord> records) throws IOException {
        Path temp = Files.createTempFile(file.getParent(), file.getFileName() + ".", ".tmp");
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            for (DeliveryRecord record : records) {
                ByteBuffer line = ByteBuffer.wrap(toLine(record));
                while (line.hasRemaining()) {
                    out.write(line);
                }
            }
            out.force(true);
        }
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        forceDirectory(file.getParent());
    }

    /** Makes the rename durable; not every platform can open a directory, so failure is logged. */
    private static void forceDirectory(Path directory) {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UncheckedIOException e) {
            LOG.debug("cannot fsync directory {}: {}", directory, e.toString());
        }
    }

    private static byte[] toLine(DeliveryRecord record) {
        ObjectNode node = JSON.createObjectNode();
        node.put(INCIDENT_ID, record.incidentId());
        node.put(VERSION, record.version());
        node.put(RECEIVER, record.receiver());
        node.put(OUTCOME, record.outcome().name());
        node.put(AT, record.at().toString());
        return (node + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static DeliveryRecord fromLine(String line) throws JsonProcessingException {
        JsonNode node = JSON.readTree(line);
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        return new DeliveryRecord(
                text(node, INCIDENT_ID),
                Integer.parseInt(text(node, VERSION)),
                text(node, RECEIVER),
                DeliveryOutcome.valueOf(text(node, OUTCOME)),
                Instant.parse(text(node, AT)));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || !value.isValueNode()) {
            throw new IllegalArgumentException("missing " + field);
        }
        return value.asText();
    }

    private record Key(String incidentId, int version, String receiver) {
        static Key of(DeliveryRecord record) {
            return new Key(record.incidentId(), record.version(), record.receiver());
        }
    }

    private record Latest(String incidentId, String receiver) {
        static Latest of(DeliveryRecord record) {
            return new Latest(record.incidentId(), record.receiver());
        }
    }
}
