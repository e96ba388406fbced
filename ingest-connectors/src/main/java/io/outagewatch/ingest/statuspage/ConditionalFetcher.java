package io.outagewatch.ingest.statuspage;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * GETs page documents conditionally: remembers each URL's {@code ETag} and {@code Last-Modified}
 * and sends them back as {@code If-None-Match} and {@code If-Modified-Since}, so an unchanged page
 * costs a 304 and no body. Bodies are read up to a limit. Thread-safe.
 */
public final class ConditionalFetcher {

    static final String USER_AGENT = "OutageWatch-statuspage/0.1";
    static final int OK = 200;
    static final int NOT_MODIFIED = 304;

    /** The validators a server sent with a document. */
    record Validators(String etag, String lastModified) {}

    private final HttpClient client;
    private final int maxBodyBytes;
    private final Duration requestTimeout;
    private final Map<URI, Validators> validators = new ConcurrentHashMap<>();

    public ConditionalFetcher(HttpClient client, int maxBodyBytes, Duration requestTimeout) {
        this.client = client;
        this.maxBodyBytes = maxBodyBytes;
        this.requestTimeout = requestTimeout;
    }

    /**
     * A client with the default timeouts that never follows redirects: a page's answer could
     * otherwise send the poller to an address the operator never configured, such as a cloud
     * metadata endpoint. Status-page APIs answer at their documented URL; a redirect fails the poll
     * and names where it pointed, so the operator can configure that URL instead.
     */
    public static HttpClient defaultClient() {
        return HttpClient.newBuilder()
                .connectTimeout(StatusPageConfig.CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Never throws: every problem is a {@link FetchResult.Failed}. */
    public FetchResult fetch(URI uri) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri)
                        .timeout(requestTimeout)
                        .header("Accept", "application/json")
                        .header("User-Agent", USER_AGENT)
                        .GET();
        Validators known = validators.get(uri);
        if (known != null) {
            if (known.etag() != null) {
                request.header("If-None-Match", known.etag());
            }
            if (known.lastModified() != null) {
                request.header("If-Modified-Since", known.lastModified());
            }
        }
        HttpResponse<InputStream> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException | IllegalArgumentException e) {
            return new FetchResult.Failed(0, e.toString(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new FetchResult.Failed(0, "interrupted", null);
        }
        try (InputStream body = response.body()) {
            int status = response.statusCode();
            if (status == NOT_MODIFIED) {
                return new FetchResult.NotModified();
            }
            if (isRedirect(status)) {
                return new FetchResult.Failed(
                        status,
                        "HTTP "
                                + status
                                + ": redirects are not followed; configure the page's final URL ("
                                + response.headers().firstValue("Location").orElse("no Location")
                                + ")",
                        null);
            }
            if (status != OK) {
                return new FetchResult.Failed(
                        status,
                        "HTTP " + status,
                        response.headers().firstValue("Retry-After").orElse(null));
            }
            OptionalLong length = response.headers().firstValueAsLong("Content-Length");
            if (length.isPresent() && length.getAsLong() > maxBodyBytes) {
                return tooLarge(status);
            }
            byte[] bytes = body.readNBytes(maxBodyBytes + 1);
            if (bytes.length > maxBodyBytes) {
                return tooLarge(status);
            }
            String etag = response.headers().firstValue("ETag").orElse(null);
            String lastModified = response.headers().firstValue("Last-Modified").orElse(null);
            if (etag != null || lastModified != null) {
                validators.put(uri, new Validators(etag, lastModified));
            } else {
                validators.remove(uri);
            }
            return new FetchResult.Modified(bytes);
        } catch (IOException e) {
            return new FetchResult.Failed(0, "reading the body: " + e, null);
        }
    }

    /** Drops a URL's validators, so the next fetch gets the full document again. */
    public void forget(URI uri) {
        validators.remove(uri);
    }

    private static boolean isRedirect(int status) {
        return status >= 300 && status < 400;
    }

    private FetchResult tooLarge(int status) {
        return new FetchResult.Failed(
                status, "the body is larger than " + maxBodyBytes + " bytes", null);
    }
}
