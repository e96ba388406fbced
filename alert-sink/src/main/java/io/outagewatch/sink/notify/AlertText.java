package io.outagewatch.sink.notify;

import io.outagewatch.events.Alert;
import io.outagewatch.events.AlertType;
import io.outagewatch.events.Evidence;
import io.outagewatch.events.RelatedIncident;
import io.outagewatch.events.Severity;
import io.outagewatch.events.StatusUpdate;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The wording of alerts for people: Slack messages, the PagerDuty summary, Alertmanager annotations
 * and the console all come from here, so an outage reads the same everywhere.
 *
 * <p>Conventions: durations are rounded to the minute and written {@code 2 h 18 min}, {@code 45
 * min} (under a minute: {@code 40 s}); times are UTC ISO-8601 to the second ({@code
 * 2023-11-08T13:42:00Z}); an empty region list is written {@code all regions}. While an outage
 * lasts, the headline gives the estimated total length, the time left and what the estimate rests
 * on, as far as the alert carries them.
 */
public final class AlertText {

    /** How many vantage names a message lists before it writes "and N more". */
    static final int MAX_LISTED_VANTAGES = 8;

    /** How many related incidents and shared regions a message lists before "and N more". */
    static final int MAX_LISTED_RELATED = 8;

    private static final DateTimeFormatter UTC_HOURS_MINUTES =
            DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

    /**
     * How dynamic text is marked up for one destination. Every value that comes from an alert
     * passes through {@link #text} (or {@link #strong} or {@link #link}), so a destination with
     * markup can escape it.
     */
    public interface Markup {
        String text(String plain);

        String strong(String plain);

        String link(String url, String label);
    }

    /** No markup: links are written {@code label <url>}. */
    public static final Markup PLAIN =
            new Markup() {
                @Override
                public String text(String plain) {
                    return plain;
                }

                @Override
                public String strong(String plain) {
                    return plain;
                }

                @Override
                public String link(String url, String label) {
                    return label + " <" + url + ">";
                }
            };

    /**
     * Slack mrkdwn: {@code &}, {@code <} and {@code >} are escaped, strong text is {@code *bold*},
     * links are {@code <url|label>}.
     */
    public static final Markup SLACK =
            new Markup() {
                @Override
                public String text(String plain) {
                    return plain.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
                }

                @Override
                public String strong(String plain) {
                    return "*" + text(plain) + "*";
                }

                @Override
                public String link(String url, String label) {
                    // '|' and '>' would end the link early; URLs from status pages never need them.
                    String safeUrl =
                            url.replace("|", "%7C").replace(">", "%3E").replace("<", "%3C");
                    return "<" + text(safeUrl) + "|" + text(label).replace("|", "¦") + ">";
                }
            };

    private static final DateTimeFormatter UTC_SECONDS = DateTimeFormatter.ISO_INSTANT;

    /** Runs of white space and control characters, written as one space in one-line text. */
    private static final Pattern LINE_BREAKS = Pattern.compile("[\\s\\p{Cc}]+");

    private AlertText() {}

    /**
     * A length for people: {@code 2 h 18 min}, {@code 2 h}, {@code 45 min}, {@code 40 s}. Lengths
     * of a minute or more are rounded to the nearest minute.
     */
    public static String duration(long seconds) {
        if (seconds < 0) {
            throw new IllegalArgumentException("a duration cannot be negative: " + seconds);
        }
        if (seconds < 60) {
            return seconds + " s";
        }
        long minutes = (seconds + 30) / 60;
        long hours = minutes / 60;
        long rest = minutes % 60;
        if (hours == 0) {
            return rest + " min";
        }
        return rest == 0 ? hours + " h" : hours + " h " + rest + " min";
    }

    /** {@code about 45 min}. */
    public static String about(long seconds) {
        return "about " + duration(seconds);
    }

    /**
     * The estimated total length: {@code about 1 h 30 min (30 min to 3 h)}, or empty when the alert
     * carries no estimate.
     */
    public static String estimate(Alert alert) {
        if (alert.estimatedDurationSeconds() == null) {
            return "";
        }
        return about(alert.estimatedDurationSeconds())
                + " ("
                + duration(alert.estimatedDurationLowSeconds())
                + " to "
                + duration(alert.estimatedDurationHighSeconds())
                + ")";
    }

    /**
     * The estimated time left: {@code about 1 h 50 min (20 min to 14 h)}, or empty when the alert
     * carries none (alerts from before the time left was added).
     */
    public static String timeLeft(Alert alert) {
        if (alert.estimatedRemainingSeconds() == null) {
            return "";
        }
        return about(alert.estimatedRemainingSeconds())
                + " ("
                + duration(alert.estimatedRemainingLowSeconds())
                + " to "
                + duration(alert.estimatedRemainingHighSeconds())
                + ")";
    }

    /**
     * The headline's words for a median time left: {@code about 1 h 50 min left}, or {@code less
     * than a minute left} under a minute.
     */
    public static String left(long seconds) {
        return seconds < 60 ? "less than a minute left" : about(seconds) + " left";
    }

    /**
     * What the estimates rest on, on one line ({@code from 41 past GitHub incidents}, {@code
     * typical of major outages}), or empty when the alert does not say. Line breaks and other
     * control characters become spaces, so the headline stays one line.
     */
    public static String basis(Alert alert) {
        if (alert.estimateBasis() == null) {
            return "";
        }
        return LINE_BREAKS.matcher(alert.estimateBasis()).replaceAll(" ").strip();
    }

    /** UTC ISO-8601 to the second: {@code 2023-11-08T13:42:00Z}. */
    public static String instant(Instant instant) {
        return UTC_SECONDS.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** {@code eu-west, us-east}, or {@code all regions} when the list is empty. */
    public static String regions(List<String> regions) {
        return regions.isEmpty() ? "all regions" : String.join(", ", regions);
    }

    /**
     * Like {@link #regions(List)} but naming at most {@code maxListed}: {@code eu-west, us-east and
     * 198 more regions}, or {@code 200 regions} when none may be named.
     */
    static String regions(List<String> regions, int maxListed) {
        if (regions.size() <= maxListed) {
            return regions(regions);
        }
        if (maxListed <= 0) {
            return regions.size() + " regions";
        }
        int more = regions.size() - maxListed;
        return String.join(", ", regions.subList(0, maxListed))
                + " and "
                + more
                + (more == 1 ? " more region" : " more regions");
    }

    /** {@code major outage}, {@code partial outage}, {@code degraded performance}. */
    public static String severity(Severity severity) {
        return switch (severity) {
            case MAJOR -> "major outage";
            case PARTIAL -> "partial outage";
            case DEGRADED -> "degraded performance";
        };
    }

    /** The one-line summary of an alert, without markup. */
    public static String headline(Alert alert) {
        return headline(alert, PLAIN);
    }

    /**
     * The one-line summary: service, what happened, severity, regions and onset, and while the
     * outage lasts the estimated length, the time left and what the estimate rests on (each as far
     * as the alert carries it); once it is over, the real length.
     *
     * <ul>
     *   <li>{@code chatgpt is down: major outage in eu-west, us-east since 2023-11-08T13:42:00Z,
     *       expected to last about 2 h 36 min (44 min to 16 h), about 1 h 50 min left — typical of
     *       major outages}
     *   <li>{@code chatgpt is still down: …, now expected to last about 2 h (1 h to 4 h), about 40
     *       min left — from 41 past ChatGPT incidents, in monitoring}
     *   <li>{@code chatgpt is down: …, expected to last about 1 h 30 min (30 min to 3 h)} (an alert
     *       without the time left and the basis)
     *   <li>{@code chatgpt has recovered: it was down for 2 h 18 min (major outage in eu-west,
     *       us-east from 2023-11-08T13:42:00Z to 2023-11-08T16:00:00Z)}
     *   <li>{@code github is partly down: partial outage in us-east since 2024-05-14T13:40:00Z (one
     *       of 3 services failing in us-east since 13:40), expected to last …} (an alert naming
     *       related incidents)
     *   <li>{@code github has recovered: it was down for 20 min (partial outage in us-east from
     *       2024-05-14T13:40:00Z to 2024-05-14T14:00:00Z; was one of 3 services failing in us-east
     *       since 13:40)}
     * </ul>
     */
    public static String headline(Alert alert, Markup markup) {
        return headline(alert, markup, regions(alert.regions()));
    }

    /**
     * The headline in at most {@code maxChars} UTF-16 units. The region list is the only part
     * without a small bound, so when the headline is too long it names fewer regions ({@code
     * eu-west and 198 more regions}) and the estimate, the time left and the basis at its end
     * survive; only if that is not enough is it cut.
     */
    public static String headline(Alert alert, Markup markup, int maxChars) {
        String full = headline(alert, markup);
        if (full.length() <= maxChars) {
            return full;
        }
        String shortest = full;
        for (int listed = alert.regions().size() - 1; listed >= 0; listed--) {
            shortest = headline(alert, markup, regions(alert.regions(), listed));
            if (shortest.length() <= maxChars) {
                return shortest;
            }
        }
        return truncate(shortest, maxChars);
    }

    private static String headline(Alert alert, Markup markup, String regions) {
        String service = markup.strong(alert.service());
        String what = markup.text(severity(alert.severity()));
        String where = markup.text(regions);
        String shared = sharedCause(alert);
        String since =
                markup.text(instant(alert.startedAt()))
                        + (shared.isEmpty() || alert.type() == AlertType.OUTAGE_RECOVERED
                                ? ""
                                : " (" + markup.text(shared) + ")");
        String estimate = estimate(alert);
        String outlook = estimate.isEmpty() ? "" : markup.text(estimate + outlook(alert));
        return switch (alert.type()) {
            case OUTAGE_STARTED ->
                    service
                            + " "
                            + state(alert.severity(), false)
                            + ": "
                            + what
                            + " in "
                            + where
                            + " since "
                            + since
                            + (outlook.isEmpty() ? "" : ", expected to last " + outlook);
            case OUTAGE_UPDATED ->
                    service
                            + " "
                            + state(alert.severity(), true)
                            + ": "
                            + what
                            + " in "
                            + where
                            + " since "
                            + since
                            + (outlook.isEmpty() ? "" : ", now expected to last " + outlook);
            case OUTAGE_RECOVERED ->
                    service
                            + " has recovered: it "
                            + (alert.severity() == Severity.DEGRADED ? "was degraded" : "was down")
                            + " for "
                            + markup.text(duration(alert.durationSeconds()))
                            + " ("
                            + what
                            + " in "
                            + where
                            + " from "
                            + since
                            + " to "
                            + markup.text(instant(alert.recoveredAt()))
                            + (shared.isEmpty() ? "" : "; " + markup.text("was " + shared))
                            + ")";
        };
    }

    /**
     * Outages that probably share a cause, in the headline: {@code one of 3 services failing in
     * us-east since 13:40}, counting this alert's service and the distinct services of its related
     * incidents, in the regions they share (an incident without regions shares all) since the
     * earliest start, in UTC. Empty when the alert names no related incident.
     */
    public static String sharedCause(Alert alert) {
        if (alert.related().isEmpty()) {
            return "";
        }
        Set<String> services = new TreeSet<>();
        services.add(alert.service());
        Instant earliest = alert.startedAt();
        for (RelatedIncident related : alert.related()) {
            services.add(related.service());
            if (related.startedAt().isBefore(earliest)) {
                earliest = related.startedAt();
            }
        }
        return "one of "
                + services.size()
                + " services failing in "
                + regions(sharedRegions(alert), MAX_LISTED_RELATED)
                + " since "
                + UTC_HOURS_MINUTES.format(earliest);
    }

    /**
     * The related incidents for a detail line: {@code slack in us-east since 2024-05-14T13:41:00Z
     * (incident slack-1), discord in …}, the first {@value #MAX_LISTED_RELATED} and "and N more";
     * empty when there are none.
     */
    public static String related(Alert alert) {
        List<String> listed = new ArrayList<>();
        for (RelatedIncident related : alert.related()) {
            if (listed.size() == MAX_LISTED_RELATED) {
                break;
            }
            listed.add(
                    related.service()
                            + " in "
                            + regions(related.regions(), MAX_LISTED_VANTAGES)
                            + " since "
                            + instant(related.startedAt())
                            + " (incident "
                            + related.incidentId()
                            + ")");
        }
        int more = alert.related().size() - listed.size();
        return String.join(", ", listed) + (more > 0 ? " and " + more + " more" : "");
    }

    /**
     * The regions this alert's incident shares with its related ones, sorted; empty (all regions)
     * when an incident without regions meets another without regions.
     */
    static List<String> sharedRegions(Alert alert) {
        Set<String> shared = new TreeSet<>();
        for (RelatedIncident related : alert.related()) {
            if (alert.regions().isEmpty() && related.regions().isEmpty()) {
                return List.of();
            } else if (alert.regions().isEmpty()) {
                shared.addAll(related.regions());
            } else if (related.regions().isEmpty()) {
                shared.addAll(alert.regions());
            } else {
                for (String region : related.regions()) {
                    if (alert.regions().contains(region)) {
                        shared.add(region);
                    }
                }
            }
        }
        return List.copyOf(shared);
    }

    /**
     * What follows the total in the headline: {@code , about 1 h 50 min left — typical of major
     * outages}, either part alone, or empty.
     */
    private static String outlook(Alert alert) {
        StringBuilder text = new StringBuilder();
        if (alert.estimatedRemainingSeconds() != null) {
            text.append(", ").append(left(alert.estimatedRemainingSeconds()));
        }
        String basis = basis(alert);
        if (!basis.isEmpty()) {
            text.append(" — ").append(basis);
        }
        return text.toString();
    }

    /**
     * The lines under the headline: the time left with its 10–90 % interval while the outage lasts,
     * evidence, the official status, how early the detector was, and the alert's identity. Each
     * line is complete in itself.
     */
    public static List<String> details(Alert alert, Markup markup) {
        List<String> lines = new ArrayList<>();
        String timeLeft = timeLeft(alert);
        if (alert.type() != AlertType.OUTAGE_RECOVERED && !timeLeft.isEmpty()) {
            lines.add("Time left: " + markup.text(timeLeft));
        }
        if (!alert.related().isEmpty()) {
            lines.add(
                    "Related: "
                            + markup.text(sharedCause(alert))
                            + ": "
                            + markup.text(related(alert)));
        }
        lines.add("Evidence: " + markup.text(evidence(alert.evidence())));
        StatusUpdate status = alert.officialStatus();
        if (status != null) {
            lines.add("Official status: " + officialStatus(status, markup));
        }
        if (alert.leadSecondsOverAck() != null) {
            lines.add(markup.text(lead(alert.leadSecondsOverAck())));
        }
        lines.add(
                markup.text(
                        "Incident "
                                + alert.incidentId()
                                + ", alert "
                                + alert.version()
                                + ", detected "
                                + instant(alert.detectedAt())));
        return lines;
    }

    /** The headline, then the detail lines, separated by newlines. */
    public static String message(Alert alert, Markup markup) {
        return message(alert, markup, Integer.MAX_VALUE);
    }

    /**
     * The headline fitted to {@code headlineMaxChars} (see {@link #headline(Alert, Markup, int)}),
     * then the detail lines, separated by newlines.
     */
    public static String message(Alert alert, Markup markup, int headlineMaxChars) {
        StringBuilder text = new StringBuilder(headline(alert, markup, headlineMaxChars));
        for (String line : details(alert, markup)) {
            text.append('\n').append(line);
        }
        return text.toString();
    }

    /**
     * {@code probes failing 92% (usual 1%) at fra-1, iad-2, sin-1; healthy at syd-1; error reports
     * 47.5/min (usual 0.8/min); anomaly score 12.25}.
     */
    public static String evidence(Evidence evidence) {
        List<String> parts = new ArrayList<>();
        if (evidence.probeFailureRate() != null) {
            String probes = "probes failing " + percent(evidence.probeFailureRate());
            if (evidence.probeFailureBaseline() != null) {
                probes += " (usual " + percent(evidence.probeFailureBaseline()) + ")";
            }
            parts.add(probes);
        }
        if (!evidence.failingVantages().isEmpty()) {
            parts.add("failing at " + names(evidence.failingVantages()));
        }
        if (!evidence.healthyVantages().isEmpty()) {
            parts.add("healthy at " + names(evidence.healthyVantages()));
        }
        if (evidence.reportRate() != null) {
            String reports = "error reports " + number(evidence.reportRate()) + "/min";
            if (evidence.reportBaseline() != null) {
                reports += " (usual " + number(evidence.reportBaseline()) + "/min)";
            }
            parts.add(reports);
        }
        parts.add("anomaly score " + number(evidence.score()));
        return String.join("; ", parts);
    }

    /**
     * {@code detected 46 min before the official acknowledgement}, or {@code after}, or {@code at
     * the same time as}.
     */
    public static String lead(long leadSeconds) {
        if (leadSeconds == 0) {
            return "Detected at the same time as the official acknowledgement";
        }
        return "Detected "
                + duration(Math.abs(leadSeconds))
                + (leadSeconds > 0 ? " before" : " after")
                + " the official acknowledgement";
    }

    /** Cuts text to at most {@code maxChars} UTF-16 units, ending in {@code …} when cut. */
    public static String truncate(String text, int maxChars) {
        if (text.length() <= maxChars) {
            return text;
        }
        int end = maxChars - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }

    private static String state(Severity severity, boolean still) {
        String prefix = still ? "is still " : "is ";
        return switch (severity) {
            case MAJOR -> prefix + "down";
            case PARTIAL -> prefix + "partly down";
            case DEGRADED -> prefix + "degraded";
        };
    }

    private static String officialStatus(StatusUpdate status, Markup markup) {
        StringBuilder text = new StringBuilder(markup.text(status.status().wireName()));
        if (status.impact() != null) {
            text.append(", ").append(markup.text(status.impact().wireName())).append(" impact");
        }
        if (status.title() != null || status.url() != null) {
            text.append(": ");
            String title = status.title() == null ? "status page" : "\"" + status.title() + "\"";
            text.append(
                    status.url() == null ? markup.text(title) : markup.link(status.url(), title));
        }
        text.append(" (").append(markup.text(instant(status.timestamp()))).append(')');
        return text.toString();
    }

    private static String names(List<String> names) {
        if (names.size() <= MAX_LISTED_VANTAGES) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, MAX_LISTED_VANTAGES))
                + " and "
                + (names.size() - MAX_LISTED_VANTAGES)
                + " more";
    }

    private static String percent(double fraction) {
        return number(fraction * 100) + "%";
    }

    /** At most one decimal, none when it is zero: {@code 92}, {@code 47.5}, {@code 0.8}. */
    static String number(double value) {
        if (!Double.isFinite(value)) {
            return String.valueOf(value).toLowerCase(Locale.ROOT);
        }
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP);
        String text = rounded.stripTrailingZeros().toPlainString();
        return text.equals("-0") ? "0" : text;
    }
}
