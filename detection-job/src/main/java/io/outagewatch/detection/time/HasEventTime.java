package io.outagewatch.detection.time;

import java.io.Serializable;

/**
 * Whether a record carries a trustworthy event time. One that does not (it did not parse, and will
 * be dead-lettered) keeps whatever timestamp the source gives it but never moves a watermark.
 *
 * @param <T> the record
 */
@FunctionalInterface
public interface HasEventTime<T> extends Serializable {

    boolean test(T record);
}
