package io.outagewatch.bench.estimates;

/**
 * How one estimator did at one checkpoint over the incidents still open there.
 *
 * @param at the checkpoint's label
 * @param n incidents still open at the checkpoint
 * @param coverage the share whose actual time remaining fell inside the 10–90 % interval; NaN if
 *     none
 * @param medianAbsLogError median of |log(predicted remaining / actual remaining)|; NaN if none
 * @param medianAbsErrorSeconds median of |predicted remaining − actual remaining|; NaN if none
 */
record CheckpointScore(
        String at,
        int n,
        double coverage,
        double medianAbsLogError,
        double medianAbsErrorSeconds) {}
