package io.outagewatch.sink.notify;

import io.outagewatch.events.Alert;
import java.io.PrintStream;
import java.util.Objects;
import java.util.Optional;

/**
 * Prints alerts for people watching a terminal, e.g. in the demo:
 *
 * <pre>
 * == OUTAGE STARTED == chatgpt is down: major outage in eu-west, us-east since 2023-11-08T13:42:00Z, expected to last about 2 h 36 min (44 min to 16 h), about 1 h 50 min left — typical of major outages
 *    Time left: about 1 h 50 min (20 min to 14 h)
 *    Evidence: probes failing 92% (usual 1%); failing at fra-1, iad-2, sin-1; ...
 *    Official status: investigating, major impact: "Elevated error rates ..." &lt;https://...&gt; (2023-11-08T14:30:00Z)
 *    Detected 47 min before the official acknowledgement
 *    Incident chatgpt-20231108-1342, alert 1, detected 2023-11-08T13:43:30Z
 * </pre>
 *
 * <p>An alert's lines are printed together even when several threads deliver at once. When the
 * stream reports an error (e.g. a closed pipe) the delivery is retryable.
 */
public final class ConsoleNotifier implements Notifier {

    /** Printing is cheap; this only keeps a runaway loop from flooding the terminal. */
    public static final double MAX_DELIVERIES_PER_MINUTE = 6000;

    private final String name;
    private final PrintStream out;

    /**
     * @param out where to print, normally {@code System.out} (the sink logs to stderr)
     */
    public ConsoleNotifier(String name, PrintStream out) {
        this.name = Objects.requireNonNull(name, "name");
        this.out = Objects.requireNonNull(out, "out");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String kind() {
        return "console";
    }

    @Override
    public double maxDeliveriesPerMinute() {
        return MAX_DELIVERIES_PER_MINUTE;
    }

    @Override
    public Delivery deliver(Alert alert) {
        return print(format(alert));
    }

    /** The console does not page anyone: it shows silenced alerts too, marked as such. */
    @Override
    public boolean pages() {
        return false;
    }

    @Override
    public Delivery deliverSilenced(Alert alert, String silenceId) {
        return print(formatSilenced(alert, silenceId));
    }

    private Delivery print(String text) {
        boolean failed;
        synchronized (out) {
            out.print(text);
            out.flush();
            failed = out.checkError();
        }
        return failed
                ? new Delivery.Retryable("the console stream reported an error", Optional.empty())
                : new Delivery.Delivered("printed");
    }

    /**
     * The text of a silenced alert: {@code == SILENCED (s-…) OUTAGE STARTED == …} and the same
     * details, with a line naming the silence; nobody was paged.
     */
    public static String formatSilenced(Alert alert, String silenceId) {
        String text = format(alert);
        return "== SILENCED ("
                + silenceId
                + ") "
                + text.substring("== ".length())
                        .replaceFirst("\n", "\n   Silenced by " + silenceId + ": not paged\n");
    }

    /** The printed text: a tagged headline and the indented details, ending in a newline. */
    public static String format(Alert alert) {
        String tag =
                switch (alert.type()) {
                    case OUTAGE_STARTED -> "== OUTAGE STARTED == ";
                    case OUTAGE_UPDATED -> "== OUTAGE UPDATED == ";
                    case OUTAGE_RECOVERED -> "== OUTAGE RECOVERED == ";
                };
        StringBuilder text = new StringBuilder(tag).append(AlertText.headline(alert)).append('\n');
        for (String line : AlertText.details(alert, AlertText.PLAIN)) {
            text.append("   ").append(line).append('\n');
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return "ConsoleNotifier[" + name + "]";
    }
}
