package io.outagewatch.bench.estimates.prior;

/**
 * The duration model used before a service has outages of its own, fitted to public outages.
 *
 * <p>The detector's estimate before the corpus model ({@code io.outagewatch.detection.estimate})
 * replaced it; kept as the baseline of {@code bin/outagewatch bench estimates}.
 *
 * <p><b>How it was fitted.</b> {@link LogNormalFit#fit} (maximum likelihood on the log of the
 * duration in seconds) over {@code end − start} of every incident in the resource {@code
 * incidents/public-incidents.json} (in {@code benchmarks/src/test/resources}) that has both, 14
 * incidents at the time of fitting:
 *
 * <ul>
 *   <li>Two-phase incidents count their first phase only; {@code secondPhase} is ignored. The
 *       detector declares recovery after {@code IncidentPolicy.DEFAULT_MERGE_GAP} of health, so a
 *       second phase hours later is a new incident with its own duration, and counting the healthy
 *       gap would fit time nobody was down.
 *   <li>{@code end} is used, never {@code endByProbes} or {@code endAlt}: every incident has an
 *       {@code end}, so all durations are measured the same way.
 *   <li>Every {@code confidence} level counts: with so few incidents, dropping the press-sourced
 *       ones would cost more than their imprecision.
 * </ul>
 *
 * <p><b>In human terms.</b> Median total duration about 146 minutes (2 h 26 min); 10–90 % range
 * about 44 minutes to 487 minutes (8 h 7 min). {@code DurationPriorTest} refits the file and checks
 * both these constants and these figures, so neither can drift from the data.
 */
public final class DurationPrior {

    /** Mean of the natural log of the duration in seconds. */
    public static final double MU = 9.07878;

    /** Standard deviation (maximum likelihood) of the natural log of the duration in seconds. */
    public static final double SIGMA = 0.93881;

    /** How many public incidents {@link #MU} and {@link #SIGMA} were fitted to. */
    public static final int INCIDENTS = 14;

    /**
     * How many of a service's own incidents the prior is worth: after five of them, the service's
     * own history counts as much as every public outage put together.
     */
    public static final double WEIGHT = 5;

    private DurationPrior() {}

    public static LogNormalFit fit() {
        return new LogNormalFit(MU, SIGMA);
    }
}
