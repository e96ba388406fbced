package io.outagewatch.detection.baseline;

/** Converts half-lives counted in observations into per-observation EWMA decay factors. */
final class HalfLife {

    private HalfLife() {}

    /**
     * The factor by which an observation's weight shrinks with each later observation, so that it
     * counts half after {@code halfLife} more.
     */
    static double decayPerStep(double halfLife) {
        Require.positive(halfLife, "halfLife");
        return Math.pow(0.5, 1.0 / halfLife);
    }
}
