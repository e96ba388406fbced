package io.outagewatch.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Executes every notebook under {@code notebooks/} with {@code jupyter nbconvert --execute} against
 * a data directory filled by the demo and {@code notebooks/build_history.sh}, and checks that each
 * writes its charts. A notebook that errors fails the build.
 *
 * <p>The notebooks run under the Python of the virtual environment the build prepares before the
 * integration tests ({@code notebooks/prepare-venv.sh} from {@code demo/pom.xml}, filled from
 * {@code notebooks/requirements.txt}), passed in as the system property {@code
 * notebooks.venv.python}; the environment variable {@code OUTAGEWATCH_PYTHON} overrides it with an
 * interpreter that has those packages.
 */
@Timeout(value = 12, unit = TimeUnit.MINUTES)
class NotebooksITCase {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Path NOTEBOOKS = ROOT.resolve("notebooks");
    private static final String PYTHON = python();

    /** A small history: one outage probes see, one complaints alone reveal, one bait. */
    private static final String SCENARIOS = "night-outage social-only spammer";

    /** Two settings besides the default keep the backtest's replays few. */
    private static final String BACKTEST_SETTINGS = "sensitive,default,cautious";

    private static final Duration BUILD_HISTORY_TIMEOUT = Duration.ofMinutes(6);
    private static final Duration NOTEBOOK_TIMEOUT = Duration.ofMinutes(6);
    private static final Duration PROBE_TIMEOUT = Duration.ofMinutes(1);

    @TempDir static Path data;
    @TempDir static Path work;

    private static Map<String, String> env;

    @BeforeAll
    static void fillTheDataDirectory() throws Exception {
        Run jupyter =
                run(
                        List.of(PYTHON, "-m", "jupyter", "nbconvert", "--version"),
                        PROBE_TIMEOUT,
                        "probe");
        assertThat(jupyter.exitCode())
                .as(
                        "jupyter nbconvert does not run under %s; the build prepares that venv"
                                + " before the integration tests (./mvnw -B verify runs"
                                + " notebooks/prepare-venv.sh), OUTAGEWATCH_PYTHON overrides it: %s",
                        PYTHON, jupyter.output())
                .isZero();
        for (String module : List.of("ingest-connectors", "detection-job", "alert-sink")) {
            assertThat(ROOT.resolve(module).resolve("target/runtime.classpath"))
                    .as(
                            "bin/outagewatch needs the %s jar: run ./mvnw -B verify (or install) first",
                            module)
                    .exists();
        }

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status =
                DemoMain.run(
                        new String[] {
                            "--scenario", "chatgpt-2023-11-08",
                            "--speed", "20000",
                            "--data-dir", data.toString(),
                            "--timeout", "4m"
                        },
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new CountDownLatch(1));
        assertThat(status).as(out.toString(StandardCharsets.UTF_8)).isZero();

        env =
                Map.of(
                        "OUTAGEWATCH_DATA",
                        data.toString(),
                        "OUTAGEWATCH_SCENARIOS",
                        SCENARIOS,
                        "OUTAGEWATCH_RUNS",
                        "1",
                        "OUTAGEWATCH_BACKTEST_SETTINGS",
                        BACKTEST_SETTINGS);
        Run history =
                run(
                        List.of("bash", NOTEBOOKS.resolve("build_history.sh").toString()),
                        BUILD_HISTORY_TIMEOUT,
                        "build-history");
        assertThat(history.exitCode()).as(history.output()).isZero();
        assertThat(history.output()).contains("sink: ");
    }

    @Test
    void outageFrequencyWritesItsCharts() throws Exception {
        execute(
                "01_outage_frequency.ipynb",
                "outage-frequency.png",
                "duration-distribution.png",
                "mttr.png",
                "time-of-day-heatmap.png");
    }

    @Test
    void detectionVersusStatusPageWritesItsChart() throws Exception {
        execute("02_detection_vs_status_page.ipynb", "detection-vs-status-page.png");
    }

    @Test
    void backtestTuningWritesItsChart() throws Exception {
        execute("03_backtest_tuning.ipynb", "backtest-tuning.png");
    }

    private static void execute(String notebook, String... charts) throws Exception {
        Run run =
                run(
                        List.of(
                                PYTHON,
                                "-m",
                                "jupyter",
                                "nbconvert",
                                "--to",
                                "notebook",
                                "--execute",
                                "--ExecutePreprocessor.timeout=" + NOTEBOOK_TIMEOUT.toSeconds(),
                                "--output-dir",
                                work.toString(),
                                NOTEBOOKS.resolve(notebook).toString()),
                        NOTEBOOK_TIMEOUT.plusMinutes(1),
                        notebook);
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(work.resolve(notebook)).exists();
        for (String chart : charts) {
            Path png = data.resolve("charts").resolve(chart);
            assertThat(png).as(run.output()).exists();
            assertThat(Files.size(png)).as(chart).isGreaterThan(10_000);
        }
    }

    /**
     * OUTAGEWATCH_PYTHON, else the venv Failsafe names, else that venv's default place (a run
     * outside Maven, in demo/, after one build).
     */
    private static String python() {
        String override = System.getenv("OUTAGEWATCH_PYTHON");
        if (override != null && !override.isBlank()) {
            return override;
        }
        return System.getProperty(
                "notebooks.venv.python",
                Path.of("target/notebooks-venv/bin/python").toAbsolutePath().toString());
    }

    private record Run(int exitCode, String output) {}

    /** Runs a command in notebooks/, output to a log file; kills it after the timeout. */
    private static Run run(List<String> command, Duration timeout, String name)
            throws IOException, InterruptedException {
        Path log = work.resolve(name + ".log");
        ProcessBuilder builder =
                new ProcessBuilder(command)
                        .directory(NOTEBOOKS.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile());
        if (env != null) {
            builder.environment().putAll(env);
        }
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return new Run(-1, command.get(0) + ": " + e.getMessage());
        }
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
            return new Run(-1, name + " did not finish in " + timeout + "\n" + tail(log));
        }
        return new Run(process.exitValue(), tail(log));
    }

    private static String tail(Path log) throws IOException {
        String text = Files.readString(log, StandardCharsets.UTF_8);
        return text.length() <= 20_000 ? text : "..." + text.substring(text.length() - 20_000);
    }
}
