package io.outagewatch.detection.replay;

import io.outagewatch.progress.ProgressText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * How far a replay has got, for its progress line: the records its job has read, with their share
 * of the input files' bytes when none is compressed, and the alerts and dead letters collected so
 * far. The replay's job runs in this JVM (a local environment), so its tasks find the tally by id
 * ({@link ReplayProgress}); a job run elsewhere would count no records.
 */
public final class ReplayTally implements AutoCloseable {

    private static final Map<String, ReplayTally> RUNNING = new ConcurrentHashMap<>();

    private final String id = UUID.randomUUID().toString();
    private final String inputs;
    private final Optional<Long> inputBytes;
    private final AtomicLong records = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong alerts = new AtomicLong();
    private final AtomicLong deadLetters = new AtomicLong();

    private ReplayTally(String inputs, Optional<Long> inputBytes) {
        this.inputs = inputs;
        this.inputBytes = inputBytes;
    }

    /** A tally of a replay of these arguments' inputs, found by its tasks until closed. */
    public static ReplayTally start(ReplayArguments arguments) {
        List<Path> files =
                List.of(arguments.probes(), arguments.reports(), arguments.status()).stream()
                        .flatMap(Optional::stream)
                        .toList();
        ReplayTally tally =
                new ReplayTally(
                        files.stream()
                                .map(file -> file.getFileName().toString())
                                .collect(Collectors.joining(", ")),
                        uncompressedSize(files));
        RUNNING.put(tally.id, tally);
        return tally;
    }

    static Optional<ReplayTally> find(String id) {
        return Optional.ofNullable(RUNNING.get(id));
    }

    String id() {
        return id;
    }

    /** The input files' names, comma-separated. */
    public String inputs() {
        return inputs;
    }

    /** Counts a record read, and its line's bytes with the line end. */
    void read(long lineBytes) {
        records.incrementAndGet();
        bytes.addAndGet(lineBytes);
    }

    void collected(ReplayLine line) {
        switch (line.kind()) {
            case ALERT -> alerts.incrementAndGet();
            case DEAD_LETTER -> deadLetters.incrementAndGet();
            case SERVICE_SIGNALS -> {}
        }
    }

    /** {@code 52,310 records read (39 %) · 1 alert · 3 dead letters}. */
    public String describe() {
        String read = ProgressText.counted(records.get(), "record") + " read";
        return ProgressText.join(
                inputBytes
                        .map(total -> read + " (" + ProgressText.percent(bytes.get(), total) + ")")
                        .orElse(read),
                ProgressText.counted(alerts.get(), "alert"),
                ProgressText.counted(deadLetters.get(), "dead letter"));
    }

    @Override
    public void close() {
        RUNNING.remove(id);
    }

    /**
     * The files' bytes, which the records' bytes approach (blank lines and the tails of oversize
     * lines are not records); empty when a file is compressed or cannot be sized.
     */
    private static Optional<Long> uncompressedSize(List<Path> files) {
        long total = 0;
        for (Path file : files) {
            if (file.getFileName().toString().endsWith(".gz")) {
                return Optional.empty();
            }
            try {
                total += Files.size(file);
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        return Optional.of(total);
    }
}
