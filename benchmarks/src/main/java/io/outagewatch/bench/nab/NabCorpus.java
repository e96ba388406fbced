package io.outagewatch.bench.nab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A NAB corpus: the data files named in the label file, read from {@code
 * <data>/<category>/<name>.csv} ({@code timestamp,value}), with their windows.
 */
public final class NabCorpus {

    /** One series. */
    public record DataFile(String key, List<LocalDateTime> timestamps, double[] values) {}

    private final NabWindows windows;
    private final List<DataFile> files;

    private NabCorpus(NabWindows windows, List<DataFile> files) {
        this.windows = windows;
        this.files = List.copyOf(files);
    }

    /** Reads every file the labels name; a labelled file missing from {@code dataDir} fails. */
    public static NabCorpus read(Path dataDir, Path labels) throws IOException {
        NabWindows windows = NabWindows.read(labels);
        List<DataFile> files = new ArrayList<>();
        for (String key : windows.files()) {
            Path file = dataDir.resolve(key);
            if (!Files.isRegularFile(file)) {
                throw new IOException("data file missing: " + file);
            }
            NabResults.Series s = NabResults.read(file, "value");
            files.add(new DataFile(key, s.timestamps(), s.anomalyScores()));
        }
        return new NabCorpus(windows, files);
    }

    public NabWindows windows() {
        return windows;
    }

    public List<DataFile> files() {
        return files;
    }
}
