package io.outagewatch.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ProgressReporterTest {

    private static final String TITLE = "reporter test";

    @Test
    void itsThreadRedrawsTheLineUntilClosedThenEndsItAndStops() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CountDownLatch twoTicks = new CountDownLatch(2);

        ProgressReporter reporter =
                ProgressReporter.start(
                        TITLE,
                        () -> {
                            twoTicks.countDown();
                            return "read " + twoTicks.getCount();
                        },
                        new PrintStream(bytes, true, StandardCharsets.UTF_8),
                        Display.TERMINAL);
        assertThat(twoTicks.await(10, TimeUnit.SECONDS)).as("ticked twice").isTrue();
        Thread ticking = progressThread();
        reporter.close();
        ticking.join(ProgressReporter.STOP_WAIT.toMillis());

        String output = bytes.toString(StandardCharsets.UTF_8);
        assertThat(output)
                .startsWith("\r" + TITLE + ": read 1 · 0:00 elapsed\u001b[K")
                .contains("\r" + TITLE + ": read 0 · 0:0")
                .endsWith("\u001b[K" + System.lineSeparator());
        assertThat(ticking.isAlive()).as("the ticking thread has stopped").isFalse();
    }

    private static Thread progressThread() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals("progress: " + TITLE))
                .findFirst()
                .orElseThrow();
    }
}
