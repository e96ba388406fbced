package io.outagewatch.ingest.probe;

import io.outagewatch.events.ProbeResult;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one check of one target and turns the outcome into a {@link ProbeResult}: the address policy
 * first, then one HTTP request with the target's timeout over the whole exchange, then the status
 * and, when asked, the body. Redirects are not followed. Thread-safe.
 */
public final class HttpProbe {

    private static final Logger LOG = LoggerFactory.getLogger(HttpProbe.class);

    /** How much of a body is read for {@code expectBody}; the rest is never downloaded. */
    public static final int BODY_LIMIT_BYTES = 64 * 1024;

    static final String USER_AGENT = "OutageWatch-Prober/0.1 (+https://outagewatch.io)";

    private static final double NANOS_PER_MILLI = 1_000_000.0;

    private final HttpClient client;
    private final TargetPolicy policy;
    private final Clock clock;
    private final String vantage;

    /**
     * @param clock stamps each result with the check's start
     */
    public HttpProbe(HttpClient client, TargetPolicy policy, Clock clock, String vantage) {
        this.client = Objects.requireNonNull(client, "client");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.vantage = Objects.requireNonNull(vantage, "vantage");
    }

    /** The client a prober needs: never follows redirects, HTTP/1.1 for comparable latencies. */
    public static HttpClient newClient() {
        return HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /**
     * Checks the target once; blocks for at most about the target's timeout.
     *
     * @return the result, or empty when the policy refuses the address the host resolves to now
     *     (logged: it is not the service's failure) or the thread was interrupted
     */
    public Optional<ProbeResult> check(ProbeTarget target) {
        Instant startedAt = clock.instant();
        try {
            policy.resolve(target.url());
        } catch (UnknownHostException e) {
            return Optional.of(failure(target, startedAt, ErrorClass.DNS));
        } catch (TargetPolicy.RefusedTargetException e) {
            LOG.warn("not probing {}: {}", target.service(), e.getMessage());
            return Optional.empty();
        }
        return exchange(target, startedAt);
    }

    private Optional<ProbeResult> exchange(ProbeTarget target, Instant startedAt) {
        HttpRequest request =
                HttpRequest.newBuilder(target.url())
                        .method(target.method(), HttpRequest.BodyPublishers.noBody())
                        .timeout(target.timeout())
                        .header("User-Agent", USER_AGENT)
                        .build();
        int bodyLimit = target.expectBody() == null ? 0 : BODY_LIMIT_BYTES;
        AtomicLong headersAt = new AtomicLong();
        long sentAt = System.nanoTime();
        CompletableFuture<HttpResponse<byte[]>> pending =
                client.sendAsync(
                        request,
                        info -> {
                            headersAt.set(System.nanoTime());
                            return new BoundedBodySubscriber(bodyLimit);
                        });
        HttpResponse<byte[]> response;
        try {
            response = pending.get(target.timeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            return Optional.of(failure(target, startedAt, ErrorClass.TIMEOUT));
        } catch (ExecutionException e) {
            return Optional.of(failure(target, startedAt, ErrorClass.of(e.getCause())));
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        double latencyMs = (headersAt.get() - sentAt) / NANOS_PER_MILLI;
        return Optional.of(judge(target, startedAt, response, Math.max(0, latencyMs)));
    }

    private ProbeResult judge(
            ProbeTarget target,
            Instant startedAt,
            HttpResponse<byte[]> response,
            double latencyMs) {
        int status = response.statusCode();
        Integer reportedStatus =
                status >= ProbeResult.STATUS_CODE_MIN && status <= ProbeResult.STATUS_CODE_MAX
                        ? status
                        : null;
        String error = null;
        if (!target.expectedStatus().contains(status)) {
            error = ErrorClass.http(status);
        } else if (target.expectBody() != null
                && !target.expectBody()
                        .matcher(new String(response.body(), StandardCharsets.UTF_8))
                        .find()) {
            error = ErrorClass.BODY_MISMATCH;
        }
        return result(target, startedAt, error == null, latencyMs, reportedStatus, error);
    }

    private ProbeResult failure(ProbeTarget target, Instant startedAt, String error) {
        return result(target, startedAt, false, null, null, error);
    }

    private ProbeResult result(
            ProbeTarget target,
            Instant startedAt,
            boolean success,
            Double latencyMs,
            Integer statusCode,
            String error) {
        return new ProbeResult(
                target.service(),
                vantage,
                target.region(),
                target.url().toString(),
                startedAt,
                success,
                latencyMs,
                statusCode,
                error);
    }
}
