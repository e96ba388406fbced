package io.outagewatch.ingest.probe;

import io.outagewatch.events.Ids;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * One thing to probe and how. Built by {@link ProberConfigLoader} or the quick-mode command line;
 * every value is checked here, so both fail with the same messages.
 *
 * @param service catalog id of the probed service; the Kafka key of its results
 * @param url http or https URL, see {@link TargetPolicy#requireHttpUrl}
 * @param method {@code GET} or {@code HEAD}; a prober never changes anything
 * @param expectedStatus statuses that count as healthy
 * @param timeout for the whole check: connect, TLS, headers and the bounded body read
 * @param interval between the starts of two checks, at least {@link #MIN_INTERVAL}
 * @param expectBody a regular expression that must be found in the first {@link
 *     HttpProbe#BODY_LIMIT_BYTES} of the body, or null for no body check
 * @param region the service region this URL reaches, reported in results; null for none
 */
public record ProbeTarget(
        String service,
        URI url,
        String method,
        Set<Integer> expectedStatus,
        Duration timeout,
        Duration interval,
        Pattern expectBody,
        String region) {

    /** Methods a probe may use. */
    public static final Set<String> METHODS = Set.of("GET", "HEAD");

    /** Keeps a typo such as {@code 1ms} from turning a prober into a load generator. */
    public static final Duration MIN_INTERVAL = Duration.ofMillis(100);

    public ProbeTarget {
        if (!Ids.isValid(service)) {
            throw new IllegalArgumentException(
                    "service '" + service + "' must match " + Ids.PATTERN);
        }
        Objects.requireNonNull(url, "url");
        TargetPolicy.requireHttpUrl(url.toString());
        if (!METHODS.contains(method)) {
            throw new IllegalArgumentException(
                    "method '" + method + "' is not one of " + new TreeSet<>(METHODS));
        }
        if (expectedStatus == null || expectedStatus.isEmpty()) {
            throw new IllegalArgumentException("expectedStatus is empty");
        }
        for (int status : expectedStatus) {
            if (status < 100 || status > 599) {
                throw new IllegalArgumentException(
                        "expectedStatus " + status + " is not between 100 and 599");
            }
        }
        expectedStatus = Set.copyOf(expectedStatus);
        requirePositive("timeout", timeout);
        requirePositive("interval", interval);
        if (interval.compareTo(MIN_INTERVAL) < 0) {
            throw new IllegalArgumentException(
                    "interval " + interval.toMillis() + "ms is shorter than the minimum 100ms");
        }
        if (expectBody != null && method.equals("HEAD")) {
            throw new IllegalArgumentException("expectBody needs a body; HEAD has none");
        }
        if (region != null && !Ids.isValid(region)) {
            throw new IllegalArgumentException("region '" + region + "' must match " + Ids.PATTERN);
        }
    }

    private static void requirePositive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }

    /** The same target in another region; the prober's region fills targets that name none. */
    public ProbeTarget withRegion(String newRegion) {
        return new ProbeTarget(
                service, url, method, expectedStatus, timeout, interval, expectBody, newRegion);
    }
}
