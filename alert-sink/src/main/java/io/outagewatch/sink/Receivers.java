package io.outagewatch.sink;

import io.outagewatch.sink.notify.AlertmanagerNotifier;
import io.outagewatch.sink.notify.ConsoleNotifier;
import io.outagewatch.sink.notify.HttpDelivery;
import io.outagewatch.sink.notify.Notifier;
import io.outagewatch.sink.notify.PagerDutyNotifier;
import io.outagewatch.sink.notify.SlackNotifier;
import io.outagewatch.sink.notify.StandardWebhookSigner;
import io.outagewatch.sink.notify.WebhookNotifier;
import io.outagewatch.sink.pipeline.ReceiverConfig;
import io.outagewatch.sink.pipeline.ReceiverFactory;
import java.io.PrintStream;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Turns each configured receiver into its notifier. Kind-specific settings come from the receiver's
 * {@code options}: {@code urls} (further Alertmanager replicas, comma-separated) and {@code
 * generatorURL} (the Alertmanager "Source" link).
 */
public final class Receivers implements ReceiverFactory {

    static final String ALERTMANAGER_REPLICAS = "urls";
    static final String ALERTMANAGER_GENERATOR_URL = "generatorURL";

    private final PrintStream console;
    private final Clock clock;
    private final HttpDelivery http;

    public Receivers(PrintStream console, Clock clock, HttpDelivery http) {
        this.console = console;
        this.clock = clock;
        this.http = http;
    }

    @Override
    public Notifier create(ReceiverConfig config) {
        String name = config.name();
        return switch (config.kind()) {
            case ReceiverConfig.CONSOLE -> new ConsoleNotifier(name, console);
            case ReceiverConfig.PAGERDUTY ->
                    new PagerDutyNotifier(
                            name,
                            config.url().orElse(URI.create(PagerDutyNotifier.DEFAULT_URL)),
                            config.secret().orElseThrow(),
                            http);
            case ReceiverConfig.SLACK ->
                    new SlackNotifier(
                            name, config.secret().orElseGet(() -> url(config).toString()), http);
            case ReceiverConfig.WEBHOOK ->
                    new WebhookNotifier(
                            name,
                            url(config).toString(),
                            new StandardWebhookSigner(
                                    config.secret()
                                            .orElseThrow(
                                                    () ->
                                                            new IllegalArgumentException(
                                                                    "receiver "
                                                                            + name
                                                                            + ": a webhook needs a"
                                                                            + " signing secret"))),
                            clock,
                            http);
            case ReceiverConfig.ALERTMANAGER ->
                    new AlertmanagerNotifier(
                            name,
                            alertmanagers(config),
                            Optional.ofNullable(config.options().get(ALERTMANAGER_GENERATOR_URL)),
                            http);
            default ->
                    throw new IllegalArgumentException(
                            "receiver " + name + ": unknown kind " + config.kind());
        };
    }

    private static URI url(ReceiverConfig config) {
        return config.url()
                .orElseThrow(
                        () ->
                                new IllegalArgumentException(
                                        "receiver " + config.name() + " needs a url"));
    }

    private static List<String> alertmanagers(ReceiverConfig config) {
        List<String> urls = new ArrayList<>();
        urls.add(url(config).toString());
        String replicas = config.options().get(ALERTMANAGER_REPLICAS);
        if (replicas != null) {
            Arrays.stream(replicas.split(","))
                    .map(String::strip)
                    .filter(url -> !url.isEmpty())
                    .forEach(urls::add);
        }
        return urls;
    }
}
