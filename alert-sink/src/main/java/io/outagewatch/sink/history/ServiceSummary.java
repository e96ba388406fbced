package io.outagewatch.sink.history;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One service's outage record over a set of incidents. Durations count recovered incidents only;
 * open ones have no length yet.
 *
 * @param service the service's catalog id
 * @param incidents how many incidents, open or recovered
 * @param recovered how many of them have recovered
 * @param totalDuration the summed length of the recovered incidents
 * @param medianDuration the median length of the recovered incidents
 * @param meanTimeToRecovery MTTR: the mean length of the recovered incidents
 * @param medianLeadOverAck the median detection lead over the official acknowledgement, over the
 *     incidents that have one; negative when the detector was usually later
 * @param p90Duration the 90th percentile length of the recovered incidents (nearest rank: the
 *     shortest length at least 90 % of them do not exceed)
 * @param silenced how many of the incidents a silence held back at least once
 */
public record ServiceSummary(
        String service,
        int incidents,
        int recovered,
        Duration totalDuration,
        Optional<Duration> medianDuration,
        Optional<Duration> meanTimeToRecovery,
        Optional<Duration> medianLeadOverAck,
        Optional<Duration> p90Duration,
        int silenced) {

    private static final double P90 = 0.9;

    /** A summary of incidents none of which was silenced, without a p90. */
    public ServiceSummary(
            String service,
            int incidents,
            int recovered,
            Duration totalDuration,
            Optional<Duration> medianDuration,
            Optional<Duration> meanTimeToRecovery,
            Optional<Duration> medianLeadOverAck) {
        this(
                service,
                incidents,
                recovered,
                totalDuration,
                medianDuration,
                meanTimeToRecovery,
                medianLeadOverAck,
                Optional.empty(),
                0);
    }

    /** One summary per service, in service order. */
    public static List<ServiceSummary> byService(Collection<Incident> incidents) {
        Map<String, List<Incident>> grouped = new TreeMap<>();
        for (Incident incident : incidents) {
            grouped.computeIfAbsent(incident.service(), s -> new ArrayList<>()).add(incident);
        }
        List<ServiceSummary> summaries = new ArrayList<>();
        grouped.forEach((service, list) -> summaries.add(of(service, list)));
        return summaries;
    }

    /** The summary of one service's incidents. */
    public static ServiceSummary of(String service, List<Incident> incidents) {
        List<Long> durations = new ArrayList<>();
        List<Long> leads = new ArrayList<>();
        int silenced = 0;
        for (Incident incident : incidents) {
            if (incident.silenced()) {
                silenced++;
            }
            if (!incident.service().equals(service)) {
                throw new IllegalArgumentException(
                        "incident " + incident.incidentId() + " is not of service " + service);
            }
            if (incident.durationSeconds() != null) {
                durations.add(incident.durationSeconds());
            }
            if (incident.leadSecondsOverAck() != null) {
                leads.add(incident.leadSecondsOverAck());
            }
        }
        long total = durations.stream().mapToLong(Long::longValue).sum();
        return new ServiceSummary(
                service,
                incidents.size(),
                durations.size(),
                Duration.ofSeconds(total),
                median(durations),
                durations.isEmpty()
                        ? Optional.empty()
                        : Optional.of(Duration.ofSeconds(total).dividedBy(durations.size())),
                median(leads),
                percentile(durations, P90),
                silenced);
    }

    /** The nearest-rank percentile: the smallest value at least {@code share} of them reach. */
    static Optional<Duration> percentile(List<Long> seconds, double share) {
        if (seconds.isEmpty()) {
            return Optional.empty();
        }
        List<Long> sorted = seconds.stream().sorted().toList();
        int rank = (int) Math.ceil(share * sorted.size());
        return Optional.of(Duration.ofSeconds(sorted.get(Math.max(0, rank - 1))));
    }

    /** The middle value; for an even count the mean of the two middle ones. */
    static Optional<Duration> median(List<Long> seconds) {
        if (seconds.isEmpty()) {
            return Optional.empty();
        }
        List<Long> sorted = seconds.stream().sorted().toList();
        int middle = sorted.size() / 2;
        if (sorted.size() % 2 == 1) {
            return Optional.of(Duration.ofSeconds(sorted.get(middle)));
        }
        return Optional.of(
                Duration.ofSeconds(sorted.get(middle - 1))
                        .plusSeconds(sorted.get(middle))
                        .dividedBy(2));
    }
}
