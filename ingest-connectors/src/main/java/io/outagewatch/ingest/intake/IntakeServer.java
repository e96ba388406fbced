package io.outagewatch.ingest.intake;

import io.outagewatch.events.SocialReport;
import io.outagewatch.ingest.publish.EventPublisher;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The intake endpoint on a Jetty server: HTTP/1.1 on one address and port. It publishes to the
 * publisher it is given and leaves closing that publisher to its owner.
 */
public final class IntakeServer implements AutoCloseable {

    /** Connections idle this long are closed, so slow or stalled clients cannot hold threads. */
    public static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);

    /** How long {@link #close()} lets requests in progress finish. */
    public static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private static final int MAX_THREADS = 32;
    private static final int MIN_THREADS = 4;
    private static final int ACCEPTORS = 1;
    private static final int SELECTORS = 1;

    private final Server server;
    private final ServerConnector connector;

    private IntakeServer(Server server, ServerConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    /** Starts a server with the system's monotonic clock behind the rate limiter. */
    public static IntakeServer start(
            IntakeSettings settings, EventPublisher<SocialReport> publisher) {
        return start(settings, publisher, System::nanoTime);
    }

    /**
     * @param nanoTime the rate limiter's clock
     * @throws IllegalStateException if the server cannot bind or start
     */
    public static IntakeServer start(
            IntakeSettings settings,
            EventPublisher<SocialReport> publisher,
            LongSupplier nanoTime) {
        Objects.requireNonNull(settings, "settings");
        IntakeHandler handler =
                new IntakeHandler(
                        settings.auth(),
                        new RateLimiter(settings.ratePerSecond(), settings.burst(), nanoTime),
                        settings.maxBodyBytes(),
                        new ReportBatchParser(settings.maxItems(), settings.defaultSource()),
                        publisher);

        QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, MIN_THREADS);
        threads.setName("intake");
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        ServerConnector connector =
                new ServerConnector(server, ACCEPTORS, SELECTORS, new HttpConnectionFactory(http));
        connector.setHost(settings.host());
        connector.setPort(settings.port());
        connector.setIdleTimeout(IDLE_TIMEOUT.toMillis());
        server.addConnector(connector);
        // Lets requests in progress finish on stop; new ones meanwhile get 503.
        server.setHandler(new GracefulHandler(handler));
        server.setStopTimeout(STOP_TIMEOUT.toMillis());
        try {
            server.start();
        } catch (Exception e) {
            try {
                server.stop();
            } catch (Exception stopFailure) {
                e.addSuppressed(stopFailure);
            }
            throw new IllegalStateException(
                    "cannot serve on " + settings.host() + ":" + settings.port() + ": " + e, e);
        }
        return new IntakeServer(server, connector);
    }

    /** The port the server listens on, also when it was started with port 0. */
    public int port() {
        return connector.getLocalPort();
    }

    /** The base address, such as {@code http://127.0.0.1:8080}. */
    public URI uri() {
        String host = connector.getHost();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + port());
    }

    /** Stops accepting, lets requests in progress finish within {@link #STOP_TIMEOUT}, stops. */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("intake server did not stop cleanly", e);
        }
    }
}
