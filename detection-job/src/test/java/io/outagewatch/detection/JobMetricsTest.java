package io.outagewatch.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobMetricsTest {

    private static final Path DETECTION_DOC = Path.of("../docs/detection.md");
    private static final List<String> NAMES =
            List.of(
                    JobMetrics.RECORDS_IN,
                    JobMetrics.DEAD_LETTERS,
                    JobMetrics.LATE_RECORDS,
                    JobMetrics.OPEN_INCIDENTS,
                    JobMetrics.ALERTS,
                    JobMetrics.WATERMARK_LAG_MILLIS,
                    JobMetrics.LATE_RECORDS_DROPPED,
                    JobMetrics.PROBE_FAILURE_RATE,
                    JobMetrics.PROBE_FAILURE_BASELINE,
                    JobMetrics.REPORT_RATE,
                    JobMetrics.REPORT_BASELINE);

    @Test
    void namesAreUniqueAndDocumented() throws IOException {
        assertThat(NAMES).doesNotHaveDuplicates();
        String doc = Files.readString(DETECTION_DOC);
        assertThat(doc).contains("## Metrics", "`" + JobMetrics.GROUP + "`");
        for (String name : NAMES) {
            assertThat(doc).as(name).containsPattern("\\| `(\\w+_)?" + name + "` \\|");
        }
    }
}
