package io.outagewatch.ingest.probe;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.security.cert.CertificateException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * The {@code error} values a probe reports, each a short class rather than a message, so that the
 * detection job can count them.
 */
public final class ErrorClass {

    /** No complete response within the target's timeout (connect, headers and bounded body). */
    public static final String TIMEOUT = "timeout";

    /** The host name did not resolve. */
    public static final String DNS = "dns";

    /** The TCP connection was refused or the host was unreachable. */
    public static final String CONNECT = "connect";

    /** The TLS handshake failed: bad certificate, protocol mismatch, not TLS at all. */
    public static final String TLS = "tls";

    /** The response status was not one of the expected ones: {@code http_503}. */
    public static final String HTTP_PREFIX = "http_";

    /** The status was expected but the body did not match the target's {@code expectBody}. */
    public static final String BODY_MISMATCH = "body_mismatch";

    /** The connection broke after it was made: reset, closed early, malformed response. */
    public static final String IO = "io";

    private static final int MAX_CAUSES = 16;

    private ErrorClass() {}

    public static String http(int statusCode) {
        return HTTP_PREFIX + statusCode;
    }

    /**
     * Classifies a failed exchange by the exception types in its cause chain, the most specific
     * first: a timeout while connecting is a timeout, an unresolved address inside a connect
     * failure is {@code dns}.
     */
    public static String of(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && chain.size() < MAX_CAUSES; t = t.getCause()) {
            chain.add(t);
        }
        if (any(chain, HttpTimeoutException.class) || any(chain, TimeoutException.class)) {
            return TIMEOUT;
        }
        if (any(chain, UnknownHostException.class)
                || any(chain, UnresolvedAddressException.class)) {
            return DNS;
        }
        if (any(chain, SSLException.class) || any(chain, CertificateException.class)) {
            return TLS;
        }
        if (any(chain, ConnectException.class) || any(chain, NoRouteToHostException.class)) {
            return CONNECT;
        }
        return IO;
    }

    private static boolean any(List<Throwable> chain, Class<? extends Throwable> type) {
        return chain.stream().anyMatch(type::isInstance);
    }
}
