package io.outagewatch.ingest.probe;

import io.outagewatch.events.Ids;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A prober's settings: where it stands, what it may probe, where results go and the targets.
 *
 * @param vantage id of this probing location, reported in every result; required
 * @param region this prober's region, reported in results of targets without their own; optional
 * @param allowPrivateTargets whether loopback, private and link-local addresses may be probed
 * @param bootstrapServers Kafka brokers; null for {@code OUTAGEWATCH_KAFKA_BOOTSTRAP_SERVERS} or
 *     127.0.0.1:9092
 * @param maxConcurrentChecks checks running at the same time across all targets
 * @param targets what to probe; at least one
 */
public record ProberConfig(
        String vantage,
        String region,
        boolean allowPrivateTargets,
        String bootstrapServers,
        int maxConcurrentChecks,
        List<ProbeTarget> targets) {

    public static final String VANTAGE_ENV = "OUTAGEWATCH_VANTAGE";
    public static final String REGION_ENV = "OUTAGEWATCH_REGION";

    public static final String DEFAULT_METHOD = "GET";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);

    /**
     * 2xx and 3xx. Redirects are not followed (a redirect could lead to an address the policy
     * refuses), so a service that redirects its health URL still counts as up.
     */
    public static final Set<Integer> DEFAULT_EXPECTED_STATUS =
            IntStream.range(200, 400).boxed().collect(Collectors.toUnmodifiableSet());

    public static final int DEFAULT_MAX_CONCURRENT_CHECKS = 16;
    public static final int MAX_CONCURRENT_CHECKS_LIMIT = 256;

    public ProberConfig {
        if (vantage == null) {
            throw new IllegalArgumentException(
                    "vantage is not set: put 'vantage: <id>' in the config file, set "
                            + VANTAGE_ENV
                            + " or pass --vantage");
        }
        if (!Ids.isValid(vantage)) {
            throw new IllegalArgumentException(
                    "vantage '" + vantage + "' must match " + Ids.PATTERN);
        }
        if (region != null && !Ids.isValid(region)) {
            throw new IllegalArgumentException("region '" + region + "' must match " + Ids.PATTERN);
        }
        if (maxConcurrentChecks < 1 || maxConcurrentChecks > MAX_CONCURRENT_CHECKS_LIMIT) {
            throw new IllegalArgumentException(
                    "maxConcurrentChecks must be between 1 and "
                            + MAX_CONCURRENT_CHECKS_LIMIT
                            + ", got "
                            + maxConcurrentChecks);
        }
        Objects.requireNonNull(targets, "targets");
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("no targets to probe");
        }
        String fallbackRegion = region;
        targets =
                targets.stream()
                        .map(t -> t.region() == null ? t.withRegion(fallbackRegion) : t)
                        .toList();
    }
}
