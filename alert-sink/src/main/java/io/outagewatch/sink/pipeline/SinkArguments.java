package io.outagewatch.sink.pipeline;

import io.outagewatch.events.KafkaEnvironment;
import io.outagewatch.sink.api.ApiToken;
import io.outagewatch.sink.notify.Secrets;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The command line of {@code bin/outagewatch sink}, checked before anything runs. Either {@code
 * --config} or the receiver flags (one receiver of each kind, every alert to all of them); the
 * Kafka, delivery-log and history flags override the config file's values. {@code --metrics-port}
 * turns on the Prometheus endpoint (off without it).
 */
public record SinkArguments(
        Optional<Path> config,
        boolean console,
        Optional<URI> pagerdutyUrl,
        Optional<Path> pagerdutyRoutingKeyFile,
        Optional<URI> slackUrl,
        Optional<Path> slackUrlFile,
        Optional<URI> webhookUrl,
        Optional<Path> webhookSecretFile,
        Optional<URI> alertmanagerUrl,
        Optional<String> db,
        Optional<String> bootstrapServers,
        Optional<String> groupId,
        Optional<Path> deliveryLog,
        Optional<Path> fromFile,
        Optional<Integer> metricsPort,
        String metricsHost,
        Optional<Path> silencesTokenFile) {

    public static final String PAGERDUTY_ROUTING_KEY_ENV = "PAGERDUTY_ROUTING_KEY";
    public static final String WEBHOOK_SECRET_ENV = "WEBHOOK_SECRET";

    /** Where {@code --metrics-port} listens unless {@code --metrics-host} says otherwise. */
    public static final String DEFAULT_METRICS_HOST = "127.0.0.1";

    private static final int MAX_PORT = 65_535;

    public static final String USAGE =
            String.join(
                    "\n",
                    "usage: bin/outagewatch sink --config sink.yaml [overrides] [--from-file F]",
                    "       bin/outagewatch sink [--console] [--pagerduty-url URL"
                            + " [--pagerduty-routing-key-file F]] [--slack-url-file F | --slack-url URL]"
                            + " [--webhook-url URL [--webhook-secret-file F]]"
                            + " [--alertmanager-url URL] [overrides] [--from-file F]",
                    "",
                    "overrides: --bootstrap-servers HOST:PORT --group-id ID --delivery-log FILE"
                            + " --db JDBC_URL",
                    "metrics:   --metrics-port P [--metrics-host H]",
                    "silences:  --silences-token-file F (or "
                            + ApiToken.ENV
                            + "): serves /api/v1/silences on the metrics port",
                    "",
                    "Consumes outage-alerts (read_committed) and delivers every alert to its"
                            + " routed receivers, retrying, rate-limited and at most once per"
                            + " receiver thanks to the delivery log (default "
                            + SinkConfig.DEFAULT_DELIVERY_LOG
                            + ").",
                    "--from-file F delivers or backfills the alerts of a JSON-lines file through"
                            + " the same stages instead, then exits.",
                    "--metrics-port P serves Prometheus metrics at http://"
                            + DEFAULT_METRICS_HOST
                            + ":P/metrics (P 0: a free port, printed on stderr; no endpoint"
                            + " without the flag); --metrics-host H listens on H instead.",
                    "The PagerDuty routing key comes from "
                            + PAGERDUTY_ROUTING_KEY_ENV
                            + " or --pagerduty-routing-key-file; the webhook signing secret from "
                            + WEBHOOK_SECRET_ENV
                            + " or --webhook-secret-file. A Slack webhook URL is a secret too:"
                            + " prefer --slack-url-file to --slack-url, which shows in ps.",
                    "Exit 0 when stopped or the file is done, 1 on failure, 2 on bad usage or"
                            + " config.");

    /** A usage problem, reported with exit code 2. */
    public static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        public UsageException(String message) {
            super(message);
        }
    }

    public boolean hasReceiverFlags() {
        return console
                || pagerdutyUrl.isPresent()
                || slackUrl.isPresent()
                || slackUrlFile.isPresent()
                || webhookUrl.isPresent()
                || alertmanagerUrl.isPresent();
    }

    public static SinkArguments parse(String[] args) throws UsageException {
        Builder b = new Builder();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("--console")) {
                b.console = true;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new UsageException("missing value after " + flag);
            }
            String value = args[++i];
            switch (flag) {
                case "--config" -> b.config = Path.of(value);
                case "--pagerduty-url" -> b.pagerdutyUrl = url(flag, value);
                case "--pagerduty-routing-key-file" -> b.pagerdutyKeyFile = Path.of(value);
                case "--slack-url" -> b.slackUrl = secretUrl(flag, value);
                case "--slack-url-file" -> b.slackUrlFile = Path.of(value);
                case "--webhook-url" -> b.webhookUrl = url(flag, value);
                case "--webhook-secret-file" -> b.webhookSecretFile = Path.of(value);
                case "--alertmanager-url" -> b.alertmanagerUrl = url(flag, value);
                case "--db" -> b.db = value;
                case "--bootstrap-servers" -> b.bootstrapServers = value;
                case "--group-id" -> b.groupId = value;
                case "--delivery-log" -> b.deliveryLog = Path.of(value);
                case "--from-file" -> b.fromFile = Path.of(value);
                case "--metrics-port" -> b.metricsPort = port(flag, value);
                case "--metrics-host" -> b.metricsHost = value;
                case "--silences-token-file" -> b.silencesTokenFile = Path.of(value);
                default -> throw new UsageException("unknown option " + flag);
            }
        }
        SinkArguments arguments = b.build();
        if (arguments.config().isPresent() && arguments.hasReceiverFlags()) {
            throw new UsageException(
                    "give --config or receiver flags, not both; receivers in a config file are"
                            + " under 'receivers'");
        }
        if (arguments.config().isEmpty() && !arguments.hasReceiverFlags()) {
            throw new UsageException("give --config or at least one receiver flag");
        }
        if (arguments.pagerdutyRoutingKeyFile().isPresent() && arguments.pagerdutyUrl().isEmpty()) {
            throw new UsageException("--pagerduty-routing-key-file needs --pagerduty-url");
        }
        if (arguments.slackUrl().isPresent() && arguments.slackUrlFile().isPresent()) {
            throw new UsageException("give --slack-url or --slack-url-file, not both");
        }
        if (b.metricsHost != null && arguments.metricsPort().isEmpty()) {
            throw new UsageException("--metrics-host needs --metrics-port");
        }
        if (arguments.webhookSecretFile().isPresent() && arguments.webhookUrl().isEmpty()) {
            throw new UsageException("--webhook-secret-file needs --webhook-url");
        }
        List<String> unreadable = new ArrayList<>();
        for (Optional<Path> input :
                List.of(
                        arguments.config(),
                        arguments.fromFile(),
                        arguments.pagerdutyRoutingKeyFile(),
                        arguments.slackUrlFile(),
                        arguments.webhookSecretFile(),
                        arguments.silencesTokenFile())) {
            input.filter(p -> !Files.isReadable(p)).ifPresent(p -> unreadable.add(p.toString()));
        }
        if (!unreadable.isEmpty()) {
            throw new UsageException("cannot read " + String.join(", ", unreadable));
        }
        return arguments;
    }

    /**
     * The sink's settings: the config file with the overrides applied, or one receiver per flag.
     *
     * @throws SinkConfigException when the settings are incomplete or wrong
     */
    public SinkConfig toConfig(Map<String, String> env) {
        SinkConfig base = config.map(c -> SinkConfig.load(c, env)).orElseGet(() -> fromFlags(env));
        SinkConfig merged =
                new SinkConfig(
                        bootstrapServers
                                .or(base::bootstrapServers)
                                .or(
                                        () ->
                                                Optional.ofNullable(
                                                                env.get(
                                                                        KafkaEnvironment
                                                                                .BOOTSTRAP_SERVERS))
                                                        .filter(servers -> !servers.isBlank())),
                        groupId.orElse(base.groupId()),
                        deliveryLog.orElse(base.deliveryLog()),
                        base.deliveryLogRetention(),
                        base.retry(),
                        db.or(base::historyDb),
                        base.receivers(),
                        base.routes(),
                        base.defaultReceivers(),
                        base.maintenanceWindows(),
                        base.announcedMaintenances(),
                        silencesToken(env).or(base::silencesToken));
        if (fromFile.isEmpty() && merged.bootstrapServers().isEmpty()) {
            throw new SinkConfigException(
                    "--bootstrap-servers (or kafka.bootstrapServers, or "
                            + KafkaEnvironment.BOOTSTRAP_SERVERS
                            + ") is required unless"
                            + " --from-file is given");
        }
        return merged;
    }

    /** The silences API token from {@code --silences-token-file} or the environment. */
    private Optional<ApiToken> silencesToken(Map<String, String> env) {
        try {
            if (silencesTokenFile.isPresent()) {
                return Optional.of(
                        ApiToken.of(new Secrets(env::get).fromFile(silencesTokenFile.get())));
            }
            String value = env.get(ApiToken.ENV);
            return value == null || value.isBlank()
                    ? Optional.empty()
                    : Optional.of(ApiToken.of(value));
        } catch (IllegalArgumentException e) {
            throw new SinkConfigException(
                    (silencesTokenFile.isPresent() ? "--silences-token-file" : ApiToken.ENV)
                            + ": "
                            + e.getMessage());
        }
    }

    private SinkConfig fromFlags(Map<String, String> env) {
        List<ReceiverConfig> receivers = new ArrayList<>();
        if (console) {
            receivers.add(receiver(ReceiverConfig.CONSOLE, Optional.empty(), Optional.empty()));
        }
        pagerdutyUrl.ifPresent(
                u ->
                        receivers.add(
                                receiver(
                                        ReceiverConfig.PAGERDUTY,
                                        Optional.of(u),
                                        Optional.of(
                                                secret(
                                                        "--pagerduty-routing-key-file",
                                                        pagerdutyRoutingKeyFile,
                                                        PAGERDUTY_ROUTING_KEY_ENV,
                                                        env)))));
        slackUrl.ifPresent(
                u ->
                        receivers.add(
                                receiver(ReceiverConfig.SLACK, Optional.of(u), Optional.empty())));
        slackUrlFile.ifPresent(
                file -> {
                    try {
                        receivers.add(
                                receiver(
                                        ReceiverConfig.SLACK,
                                        Optional.empty(),
                                        Optional.of(new Secrets(env::get).fromFile(file))));
                    } catch (IllegalArgumentException e) {
                        throw new SinkConfigException("--slack-url-file: " + e.getMessage());
                    }
                });
        webhookUrl.ifPresent(
                u ->
                        receivers.add(
                                receiver(
                                        ReceiverConfig.WEBHOOK,
                                        Optional.of(u),
                                        webhookSecretFile.isPresent()
                                                        || env.containsKey(WEBHOOK_SECRET_ENV)
                                                ? Optional.of(
                                                        secret(
                                                                "--webhook-secret-file",
                                                                webhookSecretFile,
                                                                WEBHOOK_SECRET_ENV,
                                                                env))
                                                : Optional.empty())));
        alertmanagerUrl.ifPresent(
                u ->
                        receivers.add(
                                receiver(
                                        ReceiverConfig.ALERTMANAGER,
                                        Optional.of(u),
                                        Optional.empty())));
        return new SinkConfig(
                Optional.empty(),
                AlertConsumer.DEFAULT_GROUP_ID,
                SinkConfig.DEFAULT_DELIVERY_LOG,
                FileDeliveryLog.DEFAULT_RETENTION,
                RetryPolicy.DEFAULT,
                Optional.empty(),
                receivers,
                List.of(),
                receivers.stream().map(ReceiverConfig::name).toList());
    }

    /** Flag receivers are named after their kind. */
    private static ReceiverConfig receiver(
            String kind, Optional<URI> url, Optional<String> secret) {
        return new ReceiverConfig(kind, kind, url, secret, Map.of());
    }

    private static String secret(
            String flag, Optional<Path> file, String variable, Map<String, String> env) {
        try {
            return new Secrets(env::get).read(variable, file.orElse(null));
        } catch (IllegalArgumentException e) {
            throw new SinkConfigException(flag + ": " + e.getMessage());
        }
    }

    private static URI url(String flag, String value) throws UsageException {
        try {
            URI uri = new URI(value);
            if ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new UsageException(flag + ": '" + value + "' is not an http(s) URL");
    }

    /** Like {@link #url}, but the value is a secret and stays out of the message. */
    private static URI secretUrl(String flag, String value) throws UsageException {
        try {
            return url(flag, value);
        } catch (UsageException e) {
            throw new UsageException(
                    flag + ": not an http(s) URL (the value is secret and not shown)");
        }
    }

    /** Leaves out the Slack webhook URL, which is a secret. */
    @Override
    public String toString() {
        return "SinkArguments[config="
                + config.map(Path::toString).orElse("-")
                + ", receiver flags="
                + hasReceiverFlags()
                + ", fromFile="
                + fromFile.map(Path::toString).orElse("-")
                + "]";
    }

    private static int port(String flag, String value) throws UsageException {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= MAX_PORT) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(flag + ": '" + value + "' is not a port (0-" + MAX_PORT + ")");
    }

    private static final class Builder {
        Path config;
        boolean console;
        URI pagerdutyUrl;
        Path pagerdutyKeyFile;
        URI slackUrl;
        Path slackUrlFile;
        URI webhookUrl;
        Path webhookSecretFile;
        URI alertmanagerUrl;
        String db;
        String bootstrapServers;
        String groupId;
        Path deliveryLog;
        Path fromFile;
        Integer metricsPort;
        String metricsHost;
        Path silencesTokenFile;

        SinkArguments build() {
            return new SinkArguments(
                    Optional.ofNullable(config),
                    console,
                    Optional.ofNullable(pagerdutyUrl),
                    Optional.ofNullable(pagerdutyKeyFile),
                    Optional.ofNullable(slackUrl),
                    Optional.ofNullable(slackUrlFile),
                    Optional.ofNullable(webhookUrl),
                    Optional.ofNullable(webhookSecretFile),
                    Optional.ofNullable(alertmanagerUrl),
                    Optional.ofNullable(db),
                    Optional.ofNullable(bootstrapServers),
                    Optional.ofNullable(groupId),
                    Optional.ofNullable(deliveryLog),
                    Optional.ofNullable(fromFile),
                    Optional.ofNullable(metricsPort),
                    metricsHost == null ? DEFAULT_METRICS_HOST : metricsHost,
                    Optional.ofNullable(silencesTokenFile));
        }
    }
}
