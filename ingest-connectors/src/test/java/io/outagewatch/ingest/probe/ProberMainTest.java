package io.outagewatch.ingest.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.outagewatch.events.Parsed;
import io.outagewatch.events.ProbeResult;
import io.outagewatch.events.ProbeResultSerde;
import io.outagewatch.ingest.probe.ProbeTestServer.Mode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ProberMainTest {

    private static final Instant T0 = Instant.parse("2023-11-08T13:42:00Z");

    /** Answers for loopback only; any other name fails as if DNS had no record. */
    private static final HostResolver LOOPBACK_ONLY =
            host -> {
                if (host.equals("127.0.0.1")) {
                    return new InetAddress[] {InetAddress.getLoopbackAddress()};
                }
                throw new UnknownHostException(host);
            };

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private ProbeTestServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = new ProbeTestServer();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void helpPrintsUsageAndSucceeds() {
        assertThat(run("--help")).isZero();
        assertThat(stdout()).contains("usage: bin/outagewatch probe --config probes.yaml");
    }

    @Test
    void quickModePrintsOneJsonLinePerCheck() {
        int status =
                run(
                        "--target",
                        server.url("/health").toString(),
                        "--service",
                        "demo",
                        "--vantage",
                        "laptop",
                        "--interval",
                        "100ms",
                        "--count",
                        "3",
                        "--output",
                        "stdout",
                        "--allow-private-targets");

        assertThat(status).as(stderr()).isZero();
        List<ProbeResult> results = parseLines(stdout());
        assertThat(results).hasSize(3);
        assertThat(results)
                .allSatisfy(
                        r -> {
                            assertThat(r.service()).isEqualTo("demo");
                            assertThat(r.vantage()).isEqualTo("laptop");
                            assertThat(r.success()).isTrue();
                            assertThat(r.timestamp()).isEqualTo(T0);
                        });
        assertThat(server.requests()).isEqualTo(3);
    }

    @Test
    void quickModeReportsFailuresAsResultsNotAsExitStatus() {
        server.respondWith(Mode.UNAVAILABLE);

        int status =
                run(
                        "--target",
                        server.url("/").toString(),
                        "--service",
                        "demo",
                        "--vantage",
                        "laptop",
                        "--count",
                        "1",
                        "--output",
                        "stdout",
                        "--allow-private-targets");

        assertThat(status).isZero();
        assertThat(parseLines(stdout())).extracting(ProbeResult::error).containsExactly("http_503");
    }

    @Test
    void vantageAndRegionMayComeFromTheEnvironment() {
        Map<String, String> env =
                Map.of(ProberConfig.VANTAGE_ENV, "from-env", ProberConfig.REGION_ENV, "eu");

        int status =
                run(
                        env,
                        "--target",
                        server.url("/").toString(),
                        "--service",
                        "demo",
                        "--count",
                        "1",
                        "--output",
                        "stdout",
                        "--allow-private-targets");

        assertThat(status).as(stderr()).isZero();
        ProbeResult result = parseLines(stdout()).get(0);
        assertThat(result.vantage()).isEqualTo("from-env");
        assertThat(result.region()).isEqualTo("eu");
    }

    @Test
    void configModeProbesEveryTarget(@TempDir Path dir) throws Exception {
        Path config =
                Files.writeString(
                        dir.resolve("probes.yaml"),
                        String.join(
                                "\n",
                                "vantage: office",
                                "region: eu",
                                "allowPrivateTargets: true",
                                "defaults:",
                                "  timeout: 2s",
                                "  interval: 100ms",
                                "targets:",
                                "  - service: up",
                                "    url: " + server.url("/up"),
                                "    expectBody: ok",
                                "  - service: nowhere",
                                "    url: http://nowhere.invalid/",
                                "  - service: closed",
                                "    url: http://127.0.0.1:" + ProbeTestServer.closedPort() + "/",
                                ""));

        int status = run("--config", config.toString(), "--count", "2", "--output", "stdout");

        assertThat(status).as(stderr()).isZero();
        assertThat(stderr()).contains("nowhere.invalid does not resolve now");
        List<ProbeResult> results = parseLines(stdout());
        assertThat(results).hasSize(6);
        assertThat(results)
                .filteredOn(r -> r.service().equals("up"))
                .extracting(ProbeResult::success)
                .containsExactly(true, true);
        assertThat(results)
                .filteredOn(r -> r.service().equals("nowhere"))
                .extracting(ProbeResult::error)
                .containsExactly("dns", "dns");
        assertThat(results)
                .filteredOn(r -> r.service().equals("closed"))
                .extracting(ProbeResult::error)
                .containsExactly("connect", "connect");
        assertThat(results).extracting(ProbeResult::region).containsOnly("eu");
    }

    @Test
    void loopbackTargetIsRefusedWithoutTheAllowFlag() {
        int status =
                run(
                        "--target", server.url("/").toString(),
                        "--service", "demo",
                        "--vantage", "laptop",
                        "--count", "1",
                        "--output", "stdout");

        assertThat(status).isEqualTo(2);
        assertThat(stderr())
                .contains("127.0.0.1 resolves to 127.0.0.1 (loopback)")
                .contains("--allow-private-targets");
        assertThat(stdout()).isEmpty();
        assertThat(server.requests()).isZero();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                " | give either --config FILE or --target URL",
                "--config a.yaml --target http://127.0.0.1/ | give either --config FILE or --target URL",
                "--target http://127.0.0.1/ --vantage v | --service is required with --target",
                "--target http://127.0.0.1/ --service s | vantage is not set",
                "--target ftp://127.0.0.1/ --service s --vantage v | must start with http:// or https://",
                "--target http://127.0.0.1/ --service s --vantage v --count 0 | --count must be at least 1",
                "--target http://127.0.0.1/ --service s --vantage v --output file | --output must be kafka or stdout",
                "--target http://127.0.0.1/ --service s --vantage v --interval 1 | --interval: '1' is not a duration",
                "--target http://127.0.0.1/ --service s --vantage Laptop | vantage 'Laptop' must match",
                "--config missing.yaml --service s | --service only applies with --target",
                "--config missing.yaml | cannot read config file missing.yaml",
                "--target http://127.0.0.1/ --service s --vantage v --bogus | unknown option --bogus",
            })
    void badCommandLinesExitTwoWithAReason(String args, String message) {
        String[] split = args == null ? new String[0] : args.trim().split(" +");

        assertThat(run(split)).isEqualTo(2);
        assertThat(stderr()).startsWith("probe: ").contains(message).contains("usage:");
    }

    private int run(String... args) {
        return run(Map.of(), args);
    }

    private int run(Map<String, String> env, String... args) {
        ProberMain.Environment environment =
                new ProberMain.Environment(
                        env,
                        LOOPBACK_ONLY,
                        Clock.fixed(T0, ZoneOffset.UTC),
                        new SplittableRandom(3));
        try (PrintStream stdout = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream stderr = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            return ProberMain.run(args, stdout, stderr, environment);
        }
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static List<ProbeResult> parseLines(String text) {
        return Arrays.stream(text.split("\n"))
                .filter(line -> !line.isBlank())
                .map(ProbeResultSerde.INSTANCE::parse)
                .map(ProberMainTest::valid)
                .toList();
    }

    private static ProbeResult valid(Parsed<ProbeResult> parsed) {
        if (parsed instanceof Parsed.Invalid<ProbeResult> invalid) {
            throw new AssertionError("not a valid probe result: " + invalid.reason());
        }
        return parsed.value();
    }
}
