package io.outagewatch.detection.time;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Probe-like test streams in arrival order, as one partition or file holds them: every vantage
 * probes every service once a period, services spread over the period, vantages probing the same
 * service at the same instant (so event times tie), each record arriving after a random delivery
 * delay (so arrivals are slightly out of order).
 */
final class ProbeStream {

    static final Instant START = Instant.parse("2024-02-12T08:00:00Z");
    static final Duration PERIOD = Duration.ofMinutes(1);

    /** Delivery delays are up to this: arrival order is out of event-time order by as much. */
    static final Duration MAX_DELIVERY_DELAY = Duration.ofSeconds(2);

    /** One probe: who sent it, and the event time its vantage's clock stamped on it. */
    record Probe(int vantage, int service, long eventTime) {

        /** Its line in a JSON-lines file: distinct for distinct probes, so ties can be ordered. */
        String json() {
            return "{\"service\":\"svc-"
                    + service
                    + "\",\"vantage\":\"vantage-"
                    + vantage
                    + "\",\"timestamp\":\""
                    + Instant.ofEpochMilli(eventTime)
                    + "\",\"ok\":true}";
        }

        Probe stampedBy(Skew skew) {
            return new Probe(vantage, service, skew.stamp(eventTime));
        }
    }

    private ProbeStream() {}

    /** {@code rounds} periods of probes from {@code START}, in arrival order. */
    static List<Probe> probes(int vantages, int services, int rounds, long seed) {
        return probes(vantages, services, rounds, START.toEpochMilli(), seed);
    }

    static List<Probe> probes(int vantages, int services, int rounds, long start, long seed) {
        Random random = new Random(seed);
        record Arrival(Probe probe, long arrivalTime) {}
        List<Arrival> arrivals = new ArrayList<>();
        long spacing = PERIOD.toMillis() / services;
        for (int round = 0; round < rounds; round++) {
            for (int service = 0; service < services; service++) {
                long eventTime = start + round * PERIOD.toMillis() + service * spacing;
                for (int vantage = 0; vantage < vantages; vantage++) {
                    long delay = random.nextLong(MAX_DELIVERY_DELAY.toMillis() + 1);
                    arrivals.add(
                            new Arrival(new Probe(vantage, service, eventTime), eventTime + delay));
                }
            }
        }
        arrivals.sort(Comparator.comparingLong(Arrival::arrivalTime));
        return arrivals.stream().map(Arrival::probe).toList();
    }

    /** The same stream with one vantage's clock wrong: its stamps change, not its arrivals. */
    static List<Probe> withSkewedVantage(List<Probe> probes, int vantage, Skew skew) {
        return probes.stream().map(p -> p.vantage() == vantage ? p.stampedBy(skew) : p).toList();
    }

    static long[] eventTimes(List<Probe> probes) {
        return probes.stream().mapToLong(Probe::eventTime).toArray();
    }

    /**
     * The largest event time of the vantages other than {@code skewed} among the first {@code n}.
     */
    static long newestOfOthers(List<Probe> probes, int n, int skewed) {
        long newest = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            if (probes.get(i).vantage() != skewed) {
                newest = Math.max(newest, probes.get(i).eventTime());
            }
        }
        return newest;
    }
}
