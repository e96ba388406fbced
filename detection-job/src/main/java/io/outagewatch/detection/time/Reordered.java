package io.outagewatch.detection.time;

/**
 * What a {@link ReorderBuffer} decided about one record: released in event-time order, refused as
 * too far ahead of its stream, or late. Times are epoch milliseconds.
 *
 * @param <T> the record
 */
public sealed interface Reordered<T> {

    T value();

    long eventTime();

    /** Released: it comes next in event-time order. */
    record Released<T>(T value, long eventTime) implements Reordered<T> {}

    /**
     * Refused: two windows of later records went by and its stream did not come within {@code
     * allowedMillis} of it ({@code outagewatch.replay.max-ahead}), or the input ended first.
     *
     * @param aheadMillis how far it was ahead of the stream's front
     * @param allowedMillis how far ahead a record could be: max-ahead, and at the end of the input
     *     also the distance by which the front trailed the stream's newest records
     * @param front the stream's front then
     */
    record Refused<T>(T value, long eventTime, long aheadMillis, long allowedMillis, long front)
            implements Reordered<T> {}

    /**
     * Late: records after it in event-time order were already released. Normally that means it was
     * further behind the stream's front than the disorder bound ({@code
     * outagewatch.replay.max-disorder}); after the buffer was full, less ({@code allowedMillis}).
     *
     * @param behindMillis how far it was behind the stream's front
     * @param allowedMillis how far behind a record could be and still be released in order
     * @param front the stream's front then, or {@link StreamFront#UNKNOWN} if it had none
     */
    record Late<T>(T value, long eventTime, long behindMillis, long allowedMillis, long front)
            implements Reordered<T> {}
}
