package io.outagewatch.ingest.probe;

import io.outagewatch.events.ProbeResult;
import io.outagewatch.events.ProbeResultSerde;
import io.outagewatch.events.Topics;
import io.outagewatch.ingest.cli.CommandLine.UsageException;
import io.outagewatch.ingest.publish.EventPublisher;
import io.outagewatch.ingest.publish.JsonLinesPublisher;
import io.outagewatch.ingest.publish.KafkaEventPublisher;
import io.outagewatch.ingest.publish.KafkaPublishing;
import java.io.PrintStream;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;

/**
 * {@code bin/outagewatch probe}: checks HTTP targets from one vantage point and publishes a {@link
 * ProbeResult} per check, until {@code --count} checks per target are done or the process is
 * stopped; either way the publisher is flushed before exit.
 */
public final class ProberMain {

    private ProberMain() {}

    /** What the prober takes from the machine; tests pass their own. */
    record Environment(
            Map<String, String> variables,
            HostResolver resolver,
            Clock clock,
            RandomGenerator random) {
        static Environment system() {
            return new Environment(
                    System.getenv(),
                    HostResolver.SYSTEM,
                    Clock.systemUTC(),
                    RandomGenerator.getDefault());
        }
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, Environment.system());
    }

    static int run(String[] args, PrintStream out, PrintStream err, Environment env) {
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            out.println(ProberArguments.USAGE);
            return 0;
        }
        ProberArguments arguments;
        TargetPolicy policy;
        try {
            arguments = ProberArguments.parse(args, env.variables());
            policy = new TargetPolicy(arguments.config().allowPrivateTargets(), env.resolver());
            checkAddresses(arguments.config(), policy, err);
        } catch (UsageException | IllegalArgumentException e) {
            err.println("probe: " + e.getMessage());
            err.println(ProberArguments.USAGE);
            return 2;
        }
        try {
            return probe(arguments, policy, out, err, env);
        } catch (RuntimeException e) {
            err.println("probe: failed: " + e);
            e.printStackTrace(err);
            return 1;
        }
    }

    /**
     * Fails fast on a target whose host resolves to a refused address. A host that does not resolve
     * now is only reported: its checks will say {@code dns} until it does.
     */
    private static void checkAddresses(ProberConfig config, TargetPolicy policy, PrintStream err) {
        Map<String, URI> byHost = new LinkedHashMap<>();
        config.targets().forEach(t -> byHost.putIfAbsent(t.url().getHost(), t.url()));
        for (URI url : byHost.values()) {
            try {
                policy.resolve(url);
            } catch (UnknownHostException e) {
                err.println("probe: warning: " + url.getHost() + " does not resolve now");
            }
        }
    }

    private static int probe(
            ProberArguments arguments,
            TargetPolicy policy,
            PrintStream out,
            PrintStream err,
            Environment env) {
        ProberConfig config = arguments.config();
        Duration stopWait = stopWait(config);
        AtomicLong published = new AtomicLong();
        HttpProbe probe =
                new HttpProbe(HttpProbe.newClient(), policy, env.clock(), config.vantage());
        CountDownLatch stopRequested = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook =
                new Thread(
                        () -> {
                            stopRequested.countDown();
                            awaitQuietly(stopped, stopWait);
                        },
                        "prober-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        long failed;
        try (EventPublisher<ProbeResult> publisher = openPublisher(arguments, out)) {
            try (ProbeScheduler scheduler =
                    new ProbeScheduler(
                            config.targets(),
                            probe::check,
                            result -> {
                                publisher.publish(result);
                                published.incrementAndGet();
                            },
                            new ProbeDelays(env.random(), arguments.checksPerTarget() == 0),
                            config.maxConcurrentChecks(),
                            arguments.checksPerTarget())) {
                err.printf(
                        "probe: %d target(s) from vantage %s%s to %s%n",
                        config.targets().size(),
                        config.vantage(),
                        config.region() == null ? "" : " (region " + config.region() + ")",
                        arguments.output() == ProberArguments.Output.STDOUT
                                ? "stdout"
                                : Topics.PROBE_RESULTS);
                scheduler.start();
                waitUntilDone(scheduler, stopRequested, arguments.checksPerTarget());
            }
            publisher.flush();
            failed = publisher.failedDeliveries();
            // Before the shutdown hook returns: after that the JVM may halt at any moment.
            err.println(
                    "probe: stopped; "
                            + published.get()
                            + " result(s) published, "
                            + failed
                            + " failed");
        } finally {
            stopped.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // Already shutting down; the hook is running and now returns.
            }
        }
        return failed > 0 ? 1 : 0;
    }

    /**
     * How long a stop signal waits: for running checks, which end within their timeout, and for the
     * publisher's final flush.
     */
    static Duration stopWait(ProberConfig config) {
        Duration longestTimeout =
                config.targets().stream()
                        .map(ProbeTarget::timeout)
                        .max(Duration::compareTo)
                        .orElse(Duration.ZERO);
        return longestTimeout
                .plus(ProbeScheduler.SHUTDOWN_GRACE)
                .plusMillis(KafkaPublishing.CLOSE_TIMEOUT_MILLIS);
    }

    private static void waitUntilDone(
            ProbeScheduler scheduler, CountDownLatch stopRequested, long checksPerTarget) {
        try {
            if (checksPerTarget == 0) {
                stopRequested.await();
                return;
            }
            while (!scheduler.awaitChecks(Duration.ofMillis(200))) {
                if (stopRequested.await(0, TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static EventPublisher<ProbeResult> openPublisher(
            ProberArguments arguments, PrintStream out) {
        if (arguments.output() == ProberArguments.Output.STDOUT) {
            return new JsonLinesPublisher<>(out, ProbeResultSerde.INSTANCE);
        }
        KafkaPublishing publishing =
                KafkaPublishing.defaults(
                        arguments.config().bootstrapServers(),
                        "outagewatch-prober-" + arguments.config().vantage());
        return KafkaEventPublisher.open(
                publishing, Topics.PROBE_RESULTS, ProbeResultSerde.INSTANCE, ProbeResult::service);
    }

    private static void awaitQuietly(CountDownLatch latch, Duration wait) {
        try {
            latch.await(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
