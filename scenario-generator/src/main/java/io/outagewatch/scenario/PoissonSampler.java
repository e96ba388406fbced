package io.outagewatch.scenario;

import java.util.SplittableRandom;

/**
 * Poisson-distributed counts drawn from a caller's {@link SplittableRandom}, using {@link
 * StrictMath} so every JVM draws the same counts.
 */
final class PoissonSampler {

    /**
     * Knuth's product method underflows for large means; a sum of Poisson counts is Poisson with
     * the summed mean, so large means are drawn in chunks of this size.
     */
    private static final double CHUNK_MEAN = 30;

    private PoissonSampler() {}

    static int sample(SplittableRandom random, double mean) {
        if (!(mean >= 0) || Double.isInfinite(mean)) {
            throw new IllegalArgumentException(
                    "a Poisson mean must be finite and >= 0, got " + mean);
        }
        int count = 0;
        double left = mean;
        while (left > 0) {
            double chunk = Math.min(left, CHUNK_MEAN);
            count += knuth(random, chunk);
            left -= chunk;
        }
        return count;
    }

    private static int knuth(SplittableRandom random, double mean) {
        double threshold = StrictMath.exp(-mean);
        int count = 0;
        double product = random.nextDouble();
        while (product > threshold) {
            count++;
            product *= random.nextDouble();
        }
        return count;
    }
}
