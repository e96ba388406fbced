package io.outagewatch.ingest.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.outagewatch.events.Parsed;
import io.outagewatch.events.SocialReport;
import io.outagewatch.ingest.publish.EventPublisher;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@value #REPORTS_PATH} and {@value #HEALTH_PATH}. A report request is checked in order of
 * cost: the token, the client's rate, the declared length, then the body as it is read, which is
 * never buffered past the limit; only then is it parsed and the valid reports published.
 *
 * <p>It blocks while reading the body and while the publisher's buffer is full, so Jetty runs it on
 * a pool thread and a slow Kafka slows clients down instead of filling memory.
 */
final class IntakeHandler extends Handler.Abstract {

    static final String REPORTS_PATH = "/v1/reports";
    static final String HEALTH_PATH = "/healthz";
    static final String REALM = "outagewatch-intake";

    private static final Logger LOG = LoggerFactory.getLogger(IntakeHandler.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JSON_TYPE = "application/json";

    /** Bodies declared up to this many times the limit are read and discarded before the 413. */
    static final long DRAINED_OVERSIZE_FACTOR = 4;

    private final BearerAuth auth;
    private final RateLimiter rateLimiter;
    private final long maxBodyBytes;
    private final ReportBatchParser parser;
    private final EventPublisher<SocialReport> publisher;

    IntakeHandler(
            BearerAuth auth,
            RateLimiter rateLimiter,
            long maxBodyBytes,
            ReportBatchParser parser,
            EventPublisher<SocialReport> publisher) {
        this.auth = Objects.requireNonNull(auth, "auth");
        this.rateLimiter = Objects.requireNonNull(rateLimiter, "rateLimiter");
        this.maxBodyBytes = maxBodyBytes;
        this.parser = Objects.requireNonNull(parser, "parser");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        String method = request.getMethod();
        switch (path) {
            case HEALTH_PATH -> {
                if (HttpMethod.GET.is(method)) {
                    ObjectNode ok = JSON.createObjectNode().put("status", "ok");
                    send(response, callback, HttpStatus.OK_200, ok);
                } else {
                    methodNotAllowed(response, callback, "GET");
                }
            }
            case REPORTS_PATH -> {
                if (HttpMethod.POST.is(method)) {
                    reports(request, response, callback);
                } else {
                    methodNotAllowed(response, callback, "POST");
                }
            }
            default -> sendError(response, callback, HttpStatus.NOT_FOUND_404, "no such path");
        }
        return true;
    }

    private void reports(Request request, Response response, Callback callback) {
        String authorization = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        Optional<String> client = auth.authenticate(authorization);
        if (client.isEmpty()) {
            boolean presented = BearerAuth.isBearer(authorization);
            response.getHeaders()
                    .put(
                            HttpHeader.WWW_AUTHENTICATE,
                            "Bearer realm=\""
                                    + REALM
                                    + "\""
                                    + (presented ? ", error=\"invalid_token\"" : ""));
            sendError(
                    response,
                    callback,
                    HttpStatus.UNAUTHORIZED_401,
                    presented ? "invalid bearer token" : "a bearer token is required");
            return;
        }
        RateLimiter.Decision decision = rateLimiter.tryAcquire(client.get());
        if (!decision.allowed()) {
            long seconds = decision.retryAfterSeconds();
            response.getHeaders().put(HttpHeader.RETRY_AFTER, String.valueOf(seconds));
            sendError(
                    response,
                    callback,
                    HttpStatus.TOO_MANY_REQUESTS_429,
                    "rate limit exceeded; retry after " + seconds + " s");
            return;
        }
        long declared = request.getLength();
        if (declared > maxBodyBytes) {
            if (declared <= DRAINED_OVERSIZE_FACTOR * maxBodyBytes && !drained(request)) {
                callback.failed(new IOException("the client went away while sending its body"));
                return;
            }
            tooLarge(response, callback);
            return;
        }
        byte[] body;
        try (InputStream in = Request.asInputStream(request)) {
            // One byte more than allowed tells an oversized chunked body from one at the limit.
            body = in.readNBytes((int) maxBodyBytes + 1);
        } catch (IOException e) {
            // The client went away or sent a broken body; Jetty answers or closes as fits.
            callback.failed(e);
            return;
        }
        if (body.length > maxBodyBytes) {
            tooLarge(response, callback);
            return;
        }
        ReportBatchParser.Outcome outcome = parser.parse(body);
        if (outcome instanceof ReportBatchParser.Malformed malformed) {
            sendError(response, callback, HttpStatus.BAD_REQUEST_400, malformed.error());
        } else if (outcome instanceof ReportBatchParser.TooManyItems tooMany) {
            sendError(
                    response,
                    callback,
                    HttpStatus.PAYLOAD_TOO_LARGE_413,
                    "an array may hold at most " + tooMany.max() + " reports");
        } else {
            publish((ReportBatchParser.Batch) outcome, response, callback);
        }
    }

    private void publish(ReportBatchParser.Batch batch, Response response, Callback callback) {
        List<SocialReport> accepted = batch.accepted();
        int published = 0;
        try {
            for (SocialReport report : accepted) {
                publisher.publish(report);
                published++;
            }
        } catch (RuntimeException e) {
            LOG.warn("publisher refused a report after {} of {}", published, accepted.size(), e);
            ObjectNode error =
                    JSON.createObjectNode()
                            .put("error", "reports could not be published; retry later")
                            .put("published", published);
            response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
            send(response, callback, HttpStatus.SERVICE_UNAVAILABLE_503, error);
            return;
        }
        ObjectNode result = JSON.createObjectNode();
        result.put("accepted", accepted.size());
        List<ReportBatchParser.Item> rejected = batch.rejected();
        result.put("rejected", rejected.size());
        ArrayNode errors = result.putArray("errors");
        for (ReportBatchParser.Item item : rejected) {
            errors.addObject()
                    .put("index", item.index())
                    .put("reason", ((Parsed.Invalid<SocialReport>) item.parsed()).reason());
        }
        send(response, callback, HttpStatus.ACCEPTED_202, result);
    }

    /**
     * Reads and discards the body of a request refused for its declared size. A server that answers
     * and closes while the client is still sending makes the client's socket reset, and the client
     * then never reads the 413; draining a body of up to {@link #DRAINED_OVERSIZE_FACTOR} times the
     * limit costs reading time but no memory. Larger bodies are not read: the connection closes.
     */
    private static boolean drained(Request request) {
        try (InputStream in = Request.asInputStream(request)) {
            in.transferTo(OutputStream.nullOutputStream());
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void tooLarge(Response response, Callback callback) {
        sendError(
                response,
                callback,
                HttpStatus.PAYLOAD_TOO_LARGE_413,
                "body is larger than " + maxBodyBytes + " bytes");
    }

    private static void methodNotAllowed(Response response, Callback callback, String allowed) {
        response.getHeaders().put(HttpHeader.ALLOW, allowed);
        sendError(response, callback, HttpStatus.METHOD_NOT_ALLOWED_405, "method not allowed");
    }

    private static void sendError(Response response, Callback callback, int status, String error) {
        send(response, callback, status, JSON.createObjectNode().put("error", error));
    }

    private static void send(Response response, Callback callback, int status, ObjectNode body) {
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            callback.failed(e);
            return;
        }
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, JSON_TYPE);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }
}
