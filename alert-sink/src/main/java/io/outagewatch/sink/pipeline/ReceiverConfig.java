package io.outagewatch.sink.pipeline;

import io.outagewatch.events.Ids;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One configured receiver, with its secret already read from the environment or a file. {@link
 * ReceiverFactory} turns it into a {@link io.outagewatch.sink.notify.Notifier}.
 *
 * @param name unique within the sink; routes refer to it; a catalog-style id
 * @param kind one of {@link #KINDS}
 * @param url the endpoint; absent for {@code console}, for {@code pagerduty}, which then uses the
 *     public Events API endpoint, and for a {@code slack} whose URL is the secret
 * @param secret the PagerDuty routing key, the webhook signing secret, or the Slack webhook URL
 *     (which is a secret itself), when the kind uses one
 * @param options further kind-specific settings, passed through as strings
 */
public record ReceiverConfig(
        String name,
        String kind,
        Optional<URI> url,
        Optional<String> secret,
        Map<String, String> options) {

    public static final String CONSOLE = "console";
    public static final String PAGERDUTY = "pagerduty";
    public static final String SLACK = "slack";
    public static final String WEBHOOK = "webhook";
    public static final String ALERTMANAGER = "alertmanager";
    public static final Set<String> KINDS =
            Set.of(CONSOLE, PAGERDUTY, SLACK, WEBHOOK, ALERTMANAGER);

    public ReceiverConfig {
        Objects.requireNonNull(name, "name");
        if (!Ids.isValid(name)) {
            throw new IllegalArgumentException(
                    "receiver name '" + name + "' must match " + Ids.PATTERN);
        }
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException(
                    "receiver " + name + ": kind '" + kind + "' is not one of " + KINDS);
        }
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(secret, "secret");
        options = Map.copyOf(Objects.requireNonNull(options, "options"));
        if (kind.equals(SLACK)) {
            if (url.isPresent() == secret.isPresent()) {
                throw new IllegalArgumentException(
                        "receiver "
                                + name
                                + ": a slack receiver needs its webhook URL as url or, better, as"
                                + " a secret (secretEnv or secretFile), and not both");
            }
        } else if (!kind.equals(CONSOLE) && !kind.equals(PAGERDUTY) && url.isEmpty()) {
            throw new IllegalArgumentException("receiver " + name + ": a " + kind + " needs a url");
        }
        if (kind.equals(PAGERDUTY) && secret.isEmpty()) {
            throw new IllegalArgumentException(
                    "receiver " + name + ": a pagerduty receiver needs a routing key");
        }
    }

    /** Never prints the secret, nor the URL's path and query (a Slack webhook URL is a secret). */
    @Override
    public String toString() {
        return "ReceiverConfig[name="
                + name
                + ", kind="
                + kind
                + ", url="
                + url.map(u -> u.getScheme() + "://" + u.getAuthority()).orElse("-")
                + ", secret="
                + (secret.isPresent() ? "***" : "-")
                + ", options="
                + options.keySet()
                + "]";
    }
}
