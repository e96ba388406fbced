package io.outagewatch.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class StatusPageMainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) throws Exception {
        return StatusPageMain.run(
                args,
                Map.of(),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                new CountDownLatch(1));
    }

    @Test
    void helpPrintsTheOptionsWithTheirDefaults() throws Exception {
        assertThat(run("--help")).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8))
                .startsWith("usage: bin/outagewatch status")
                .contains("default 8090", "default 127.0.0.1", "default 48h", "127.0.0.1:9092");
    }

    @Test
    void badUsageExitsWithTwoAndSaysWhy() throws Exception {
        assertThat(run("--port", "-1")).isEqualTo(2);

        assertThat(err.toString(StandardCharsets.UTF_8))
                .startsWith("status: --port must be 0 to 65535, got -1")
                .contains("usage:");
    }
}
