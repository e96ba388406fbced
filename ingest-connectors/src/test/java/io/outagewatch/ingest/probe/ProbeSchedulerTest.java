package io.outagewatch.ingest.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.outagewatch.events.ProbeResult;
import io.outagewatch.ingest.probe.ProbeTestServer.Mode;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ProbeSchedulerTest {

    /** Far shorter than a check against the slow server takes. */
    private static final Duration SHORT_INTERVAL = ProbeTarget.MIN_INTERVAL;

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Duration DEADLINE = Duration.ofSeconds(20);
    private static final int CHECKS = 5;

    private ProbeTestServer server;
    private HttpProbe probe;

    @BeforeEach
    void startServer() throws Exception {
        server = new ProbeTestServer();
        probe =
                new HttpProbe(
                        HttpProbe.newClient(),
                        new TargetPolicy(true, HostResolver.SYSTEM),
                        Clock.systemUTC(),
                        "test-1");
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void checksOfOneTargetNeverOverlap() throws Exception {
        server.respondWith(Mode.SLOW_OK);
        ProbeTarget slow = target("slow", server.url("/slow"));
        // Counted on both sides: what the scheduler did, and what the service saw.
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        Function<ProbeTarget, Optional<ProbeResult>> counted =
                target -> {
                    maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    try {
                        return probe.check(target);
                    } finally {
                        inFlight.decrementAndGet();
                    }
                };
        List<ProbeResult> results = new CopyOnWriteArrayList<>();

        try (ProbeScheduler scheduler = scheduler(List.of(slow), counted, results, CHECKS)) {
            scheduler.start();
            assertThat(scheduler.awaitChecks(DEADLINE)).isTrue();
        }

        assertThat(results).hasSize(CHECKS).allMatch(ProbeResult::success);
        assertThat(maxInFlight.get()).isEqualTo(1);
        assertThat(server.maxInFlight()).isEqualTo(1);
        assertThat(server.requests()).isEqualTo(CHECKS);
    }

    @Test
    void differentTargetsRunConcurrently() throws Exception {
        server.respondWith(Mode.SLOW_OK);
        List<ProbeTarget> targets =
                List.of(
                        target("one", server.url("/one")),
                        target("two", server.url("/two")),
                        target("three", server.url("/three")));
        List<ProbeResult> results = new CopyOnWriteArrayList<>();

        try (ProbeScheduler scheduler = scheduler(targets, probe::check, results, CHECKS)) {
            scheduler.start();
            assertThat(scheduler.awaitChecks(DEADLINE)).isTrue();
        }

        Map<String, Long> perService =
                results.stream()
                        .collect(
                                Collectors.groupingBy(ProbeResult::service, Collectors.counting()));
        assertThat(perService)
                .containsOnly(Map.entry("one", 5L), Map.entry("two", 5L), Map.entry("three", 5L));
        assertThat(server.maxInFlight()).isBetween(2, targets.size());
    }

    @Test
    void closeStopsSchedulingAndLetsTheRunningCheckFinish() throws Exception {
        server.respondWith(Mode.SLOW_OK);
        List<ProbeResult> results = new CopyOnWriteArrayList<>();
        AtomicInteger started = new AtomicInteger();
        CountDownLatch twoStarted = new CountDownLatch(2);
        Function<ProbeTarget, Optional<ProbeResult>> check =
                target -> {
                    started.incrementAndGet();
                    twoStarted.countDown();
                    return probe.check(target);
                };
        ProbeScheduler scheduler =
                scheduler(List.of(target("slow", server.url("/"))), check, results, 0);
        scheduler.start();
        assertThat(twoStarted.await(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)).isTrue();

        scheduler.close();

        int startedBeforeClose = started.get();
        assertThat(results).as("the running check's result too").hasSize(startedBeforeClose);
        assertThat(server.requests()).isEqualTo(startedBeforeClose);
        assertThat(scheduler.awaitChecks(Duration.ZERO)).as("unlimited never completes").isFalse();
    }

    private static ProbeScheduler scheduler(
            List<ProbeTarget> targets,
            Function<ProbeTarget, Optional<ProbeResult>> check,
            List<ProbeResult> results,
            long checks) {
        return new ProbeScheduler(
                targets,
                check,
                results::add,
                new ProbeDelays(new SplittableRandom(1), false),
                ProberConfig.DEFAULT_MAX_CONCURRENT_CHECKS,
                checks);
    }

    private static ProbeTarget target(String service, URI url) {
        return new ProbeTarget(
                service,
                url,
                "GET",
                ProberConfig.DEFAULT_EXPECTED_STATUS,
                TIMEOUT,
                SHORT_INTERVAL,
                null,
                null);
    }
}
