package io.outagewatch.ingest.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/outagewatch simulate} runs this module's main through the launcher. */
@Timeout(120)
class SimulateLauncherITCase {

    private static final Path LAUNCHER = Path.of("../bin/outagewatch").toAbsolutePath().normalize();

    @TempDir Path dir;

    @Test
    void theLauncherWritesAScenarioDirectory() throws Exception {
        Path out = dir.resolve("tiny");
        Path log = dir.resolve("log.txt");
        Process simulate =
                new ProcessBuilder(
                                LAUNCHER.toString(),
                                "simulate",
                                "--scenario",
                                SimulatorMainTest.tiny(),
                                "--output",
                                out.toString())
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();

        assertThat(simulate.waitFor(100, TimeUnit.SECONDS)).isTrue();
        assertThat(simulate.exitValue()).as(Files.readString(log)).isZero();
        assertThat(out.toFile().list())
                .containsExactlyInAnyOrder(
                        "probes.jsonl", "reports.jsonl", "status.jsonl", "truth.json");
        assertThat(Files.readString(log)).contains("tiny (seed 42)").contains(out + "");
        assertThat(new File(out.toFile(), "truth.json")).content().contains("\"kind\" : \"full\"");
    }
}
