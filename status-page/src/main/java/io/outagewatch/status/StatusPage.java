package io.outagewatch.status;

import io.outagewatch.events.KafkaClientProperties;
import io.outagewatch.events.ServiceCatalog;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * A running status page: the board, filled from the outage history and then from Kafka, and the
 * HTTP server over it. The demo and the tests start it as {@link StatusPageMain} does.
 */
public final class StatusPage implements AutoCloseable {

    private final StatusBoard board;
    private final KafkaWindowReader reader;
    private final StatusServer server;

    private StatusPage(StatusBoard board, KafkaWindowReader reader, StatusServer server) {
        this.board = board;
        this.reader = reader;
        this.server = server;
    }

    /**
     * @param log where the history's outcome is reported
     * @throws IOException when the address cannot be bound
     */
    public static StatusPage start(
            StatusPageArguments arguments, Map<String, String> env, Clock clock, PrintStream log)
            throws IOException {
        ServiceCatalog catalog =
                arguments
                        .catalog()
                        .map(ServiceCatalog::load)
                        .orElseGet(ServiceCatalog::defaultCatalog);
        StatusBoard board = new StatusBoard(catalog, arguments.window());
        Instant windowStart = clock.instant().minus(arguments.window());
        Optional<Integer> fromHistory =
                HistoryLoader.load(arguments.historyDb(), board, windowStart);
        log.println(
                fromHistory
                        .map(n -> "status: " + n + " incidents from the outage history")
                        .orElse("status: no outage history at " + arguments.historyDb()));
        Map<String, Object> kafka =
                KafkaClientProperties.resolve(arguments.kafkaProperties(), env)
                        .mergedWith(
                                Map.of(
                                        CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
                                        arguments.bootstrapServers()));
        StatusServer server =
                StatusServer.start(
                        board, new InetSocketAddress(arguments.bind(), arguments.port()));
        KafkaWindowReader reader = KafkaWindowReader.start(kafka, board, windowStart);
        return new StatusPage(board, reader, server);
    }

    /** {@code http://host:port}. */
    public String url() {
        return server.url();
    }

    public StatusBoard board() {
        return board;
    }

    @Override
    public void close() throws InterruptedException {
        server.close();
        reader.close();
    }
}
