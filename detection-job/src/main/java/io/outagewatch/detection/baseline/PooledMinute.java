package io.outagewatch.detection.baseline;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * One recent minute of a service's complaints as the pooled complaint rule keeps it in Flink state:
 * how many distinct authors complained and a sample of them as 64-bit hashes (at most {@code
 * ServiceMinute.AUTHOR_SAMPLE}, the smallest of the minute). A Flink POJO (a record); immutable by
 * contract: nobody writes into the array once built.
 *
 * @param minuteStart start of the minute
 * @param complaints distinct complaining authors in the minute
 * @param expected the complaints a minute the seasonal baseline expected when this minute was
 *     judged, before it learned the minute
 * @param authorHashes the sampled authors' hashes, ascending
 */
public record PooledMinute(
        Instant minuteStart, int complaints, double expected, long[] authorHashes) {

    public PooledMinute {
        Objects.requireNonNull(minuteStart, "minuteStart");
        Objects.requireNonNull(authorHashes, "authorHashes");
        Require.nonNegative(complaints, "complaints");
        Require.nonNegative(expected, "expected");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PooledMinute that
                && minuteStart.equals(that.minuteStart)
                && complaints == that.complaints
                && Double.compare(expected, that.expected) == 0
                && Arrays.equals(authorHashes, that.authorHashes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(minuteStart, complaints, expected) * 31 + Arrays.hashCode(authorHashes);
    }

    @Override
    public String toString() {
        return "PooledMinute[minuteStart=%s, complaints=%d, expected=%s, authorHashes=%s]"
                .formatted(minuteStart, complaints, expected, Arrays.toString(authorHashes));
    }
}
