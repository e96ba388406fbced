package io.outagewatch.events;

/**
 * How one service looked in one decided minute, by the detector's tests on that minute alone (an
 * incident needs several such minutes in a row). The wire name is the constant's name.
 */
public enum MinuteVerdict {
    /** Nothing anomalous: probes pass or are quiet, complaints are within their usual range. */
    OK,
    /** Slow or erroring, but answering. */
    DEGRADED,
    /** Some regions or some features fail while the rest works. */
    PARTIAL,
    /** Most requests fail everywhere. */
    DOWN
}
