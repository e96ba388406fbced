package io.outagewatch.detection.records;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.ToIntFunction;

/**
 * Everything observed about one service in one event-time minute, as the detector decides it: built
 * from the minute's tally when the watermark passes, never stored or sent. Immutable; its maps are
 * copied into sorted ones, so the detector walks vantages and regions in the same order however the
 * tally was filled.
 *
 * @param vantages per vantage, after broken vantages were left out
 * @param excludedVantages broken vantages left out of {@code vantages}
 * @param latencyP95Ms 95th percentile latency of successful probes, NaN without samples
 * @param complaints distinct authors complaining in the minute
 * @param complaintsByRegion distinct complaining authors per region, where reports name one
 * @param authorHashes a sample of the complaining authors, as 64-bit hashes of their keys: the
 *     smallest {@link #AUTHOR_SAMPLE} hashes, ascending ({@code AuthorSample}), so the detector can
 *     count distinct authors over several minutes; all of them while the minute has no more
 */
public record ServiceMinute(
        String service,
        Instant minuteStart,
        Map<String, VantageCounts> vantages,
        List<String> excludedVantages,
        double latencyP95Ms,
        int latencySamples,
        int complaints,
        Map<String, Integer> complaintsByRegion,
        long[] authorHashes) {

    public static final Duration LENGTH = Duration.ofMinutes(1);

    /**
     * Authors sampled per minute: as many as the per-minute complaint rule's least count (8).
     * Pooling minutes is for minutes quieter than that; a busier minute is judged on its own, and
     * its sample only makes the pooled count of distinct authors a lower bound, never an overcount.
     */
    public static final int AUTHOR_SAMPLE = 8;

    private static final long[] NO_AUTHORS = new long[0];

    public ServiceMinute {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(minuteStart, "minuteStart");
        vantages = Collections.unmodifiableSortedMap(new TreeMap<>(vantages));
        excludedVantages = List.copyOf(excludedVantages);
        complaintsByRegion = Collections.unmodifiableSortedMap(new TreeMap<>(complaintsByRegion));
        authorHashes = authorHashes == null ? NO_AUTHORS : authorHashes.clone();
        if (authorHashes.length > AUTHOR_SAMPLE) {
            throw new IllegalArgumentException(
                    "at most " + AUTHOR_SAMPLE + " author hashes, got " + authorHashes.length);
        }
    }

    /** A minute without a sample of its authors. */
    public ServiceMinute(
            String service,
            Instant minuteStart,
            Map<String, VantageCounts> vantages,
            List<String> excludedVantages,
            double latencyP95Ms,
            int latencySamples,
            int complaints,
            Map<String, Integer> complaintsByRegion) {
        this(
                service,
                minuteStart,
                vantages,
                excludedVantages,
                latencyP95Ms,
                latencySamples,
                complaints,
                complaintsByRegion,
                NO_AUTHORS);
    }

    /** A copy: the record must stay immutable. */
    @Override
    public long[] authorHashes() {
        return authorHashes.clone();
    }

    /** A minute with no signal at all, used when the detector ticks through silence. */
    public static ServiceMinute empty(String service, Instant minuteStart) {
        return new ServiceMinute(
                service,
                minuteStart,
                new TreeMap<>(),
                List.of(),
                Double.NaN,
                0,
                0,
                new TreeMap<>(),
                NO_AUTHORS);
    }

    public Instant minuteEnd() {
        return minuteStart.plus(LENGTH);
    }

    public boolean hasProbes() {
        return !vantages.isEmpty();
    }

    public int probes() {
        return sumOverVantages(VantageCounts::probes);
    }

    public int failures() {
        return sumOverVantages(VantageCounts::failures);
    }

    public int timeouts() {
        return sumOverVantages(VantageCounts::timeouts);
    }

    // A loop, not a stream: the detector asks these several times for every minute it decides.
    private int sumOverVantages(ToIntFunction<VantageCounts> count) {
        int total = 0;
        for (VantageCounts counts : vantages.values()) {
            total += count.applyAsInt(counts);
        }
        return total;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ServiceMinute that
                && service.equals(that.service)
                && minuteStart.equals(that.minuteStart)
                && vantages.equals(that.vantages)
                && excludedVantages.equals(that.excludedVantages)
                && Double.compare(latencyP95Ms, that.latencyP95Ms) == 0
                && latencySamples == that.latencySamples
                && complaints == that.complaints
                && complaintsByRegion.equals(that.complaintsByRegion)
                && Arrays.equals(authorHashes, that.authorHashes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                                service,
                                minuteStart,
                                vantages,
                                excludedVantages,
                                latencyP95Ms,
                                latencySamples,
                                complaints,
                                complaintsByRegion)
                        * 31
                + Arrays.hashCode(authorHashes);
    }

    @Override
    public String toString() {
        return "ServiceMinute[service=%s, minuteStart=%s, vantages=%s, excludedVantages=%s, latencyP95Ms=%s, latencySamples=%d, complaints=%d, complaintsByRegion=%s, authorHashes=%s]"
                .formatted(
                        service,
                        minuteStart,
                        vantages,
                        excludedVantages,
                        latencyP95Ms,
                        latencySamples,
                        complaints,
                        complaintsByRegion,
                        Arrays.toString(authorHashes));
    }
}
