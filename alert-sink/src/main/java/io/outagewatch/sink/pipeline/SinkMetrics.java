package io.outagewatch.sink.pipeline;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The sink's counters, rendered in the Prometheus text exposition format (version 0.0.4) by {@link
 * #render()}; {@link MetricsServer} serves them. Safe to update from the delivery thread while a
 * scrape reads them. docs/alerting.md ("Metrics") lists them.
 */
public final class SinkMetrics {

    public static final String DELIVERIES = "outagewatch_sink_deliveries_total";
    public static final String ALERTS = "outagewatch_sink_alerts_total";
    public static final String PENDING = "outagewatch_sink_alerts_pending";

    /** What happened to deliveries to one receiver; the {@code outcome} label. */
    public enum Outcome {
        /** The receiver accepted the alert. */
        DELIVERED,
        /** An attempt beyond the first. */
        RETRIED,
        /** Refused, or retries exhausted: the alert went to the dead letters. */
        REJECTED,
        /** Held back by a silence: not sent to this paging receiver. */
        SILENCED;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What became of an alert read from Kafka or a file; the {@code result} label. */
    public enum AlertResult {
        /** Went through the pipeline (whatever each receiver said). */
        PROCESSED,
        /** Could not be read; dead-lettered with the parse reason. */
        INVALID;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final ConcurrentMap<String, Map<Outcome, LongAdder>> deliveries =
            new ConcurrentHashMap<>();
    private final Map<AlertResult, LongAdder> alerts = adders(AlertResult.class);
    private final AtomicLong pending = new AtomicLong();

    /** Shows the receiver's counters at zero before its first delivery. */
    public void registerReceiver(String receiver) {
        counters(receiver);
    }

    public void delivered(String receiver) {
        counters(receiver).get(Outcome.DELIVERED).increment();
    }

    /** Counts the attempts beyond the first; none when {@code attempts} is 1 or less. */
    public void attempted(String receiver, int attempts) {
        if (attempts > 1) {
            counters(receiver).get(Outcome.RETRIED).add(attempts - 1L);
        }
    }

    public void silenced(String receiver) {
        counters(receiver).get(Outcome.SILENCED).increment();
    }

    public void rejected(String receiver) {
        counters(receiver).get(Outcome.REJECTED).increment();
    }

    public void alertProcessed() {
        alerts.get(AlertResult.PROCESSED).increment();
    }

    public void alertInvalid() {
        alerts.get(AlertResult.INVALID).increment();
    }

    /**
     * Sets how many alerts the sink holds that it has read but not finished: the rest of the
     * current Kafka poll, never more than {@link AlertConsumer#MAX_POLL_RECORDS}.
     */
    public void pending(long alerts) {
        pending.set(alerts);
    }

    public long pending() {
        return pending.get();
    }

    public long deliveries(String receiver, Outcome outcome) {
        Map<Outcome, LongAdder> counters = deliveries.get(receiver);
        return counters == null ? 0 : counters.get(outcome).sum();
    }

    public long alerts(AlertResult result) {
        return alerts.get(result).sum();
    }

    /** All counters in the text exposition format, receivers in name order. */
    public String render() {
        StringBuilder out = new StringBuilder();
        out.append("# HELP ")
                .append(DELIVERIES)
                .append(
                        " Deliveries per receiver: delivered, retried (attempts beyond the first),"
                                + " rejected (dead-lettered), silenced (held back by a silence).\n");
        out.append("# TYPE ").append(DELIVERIES).append(" counter\n");
        for (Map.Entry<String, Map<Outcome, LongAdder>> receiver :
                new TreeMap<>(deliveries).entrySet()) {
            for (Outcome outcome : Outcome.values()) {
                out.append(DELIVERIES)
                        .append("{receiver=\"")
                        .append(escapeLabelValue(receiver.getKey()))
                        .append("\",outcome=\"")
                        .append(outcome.label())
                        .append("\"} ")
                        .append(receiver.getValue().get(outcome).sum())
                        .append('\n');
            }
        }
        out.append("# HELP ")
                .append(ALERTS)
                .append(" Alerts read: processed by the pipeline, or invalid (dead-lettered).\n");
        out.append("# TYPE ").append(ALERTS).append(" counter\n");
        for (AlertResult result : AlertResult.values()) {
            out.append(ALERTS)
                    .append("{result=\"")
                    .append(result.label())
                    .append("\"} ")
                    .append(alerts.get(result).sum())
                    .append('\n');
        }
        out.append("# HELP ")
                .append(PENDING)
                .append(
                        " Alerts read from Kafka and not yet finished (at most max.poll.records).\n");
        out.append("# TYPE ").append(PENDING).append(" gauge\n");
        out.append(PENDING).append(' ').append(pending.get()).append('\n');
        return out.toString();
    }

    /** A label value as the exposition format wants it: backslash, quote and newline escaped. */
    static String escapeLabelValue(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private Map<Outcome, LongAdder> counters(String receiver) {
        return deliveries.computeIfAbsent(receiver, r -> adders(Outcome.class));
    }

    private static <E extends Enum<E>> Map<E, LongAdder> adders(Class<E> type) {
        Map<E, LongAdder> adders = new EnumMap<>(type);
        for (E constant : type.getEnumConstants()) {
            adders.put(constant, new LongAdder());
        }
        return adders;
    }
}
