package io.outagewatch.detection.estimate;

import io.outagewatch.detection.duration.DurationEstimate;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Estimates how long an open incident lasts and has left, from what is known at the moment ({@link
 * IncidentContext}) and what the service's past incidents taught ({@link ServiceHistory}).
 *
 * <p>The model, fitted by {@link DurationModelFitter}: the log of the time from the status page's
 * first post to its resolution is a linear function of the incident's kind (impact, regions, block
 * of the day, weekend, and the words of the status title when there is one) plus the service's own
 * offset plus a residual of fitted, empirical shape. A service's offset and spread are learned
 * online and shrunk toward zero and the kind's spread while it has few incidents. Given that the
 * incident has lasted so far, the time left is the conditional distribution beyond the time
 * elapsed. Once the status page says {@code identified} or {@code monitoring}, the time left comes
 * from a model of the time from that phase to the resolution instead.
 *
 * <p>The detector's onset comes before the status page's first post (corpus caveat 1): until that
 * post arrives, it is assumed at {@link LeadingSignal#statusPostDelay()} after the onset, and the
 * estimate of the total adds that delay to the model's duration.
 *
 * <p>Immutable and {@link Serializable}, so an operator can take it in its constructor as Flink
 * ships operators; the per-service state is {@link ServiceHistory}, never this.
 */
public final class DurationModel implements Serializable {

    /** Longest time left ever estimated; a month-long incident is past anything fitted. */
    public static final Duration MAX_REMAINING = Duration.ofDays(30);

    /**
     * Durations shorter than this count as this long: timestamps are mostly minute-truncated, so a
     * shorter one says only "under a minute".
     */
    static final double SHORTEST_SECONDS = 60;

    private static final long serialVersionUID = 1L;

    /** The 10 %, 50 % and 90 % quantiles, in the order the estimates are computed. */
    private static final double[] QUANTILES = {
        DurationEstimate.LOW_QUANTILE,
        DurationEstimate.MEDIAN_QUANTILE,
        DurationEstimate.HIGH_QUANTILE
    };

    private final DurationRegression titled;
    private final DurationRegression untitled;
    private final PhaseRegression afterIdentified;
    private final PhaseRegression afterMonitoring;
    private final int fittedIncidents;

    /**
     * @param titled the model for incidents with a status title
     * @param untitled the model for incidents without one
     * @param afterIdentified the model from {@code identified} on; null to ignore the phase
     * @param afterMonitoring the model from {@code monitoring} on; null to ignore the phase
     * @param fittedIncidents how many incidents the models were fitted to
     */
    DurationModel(
            DurationRegression titled,
            DurationRegression untitled,
            PhaseRegression afterIdentified,
            PhaseRegression afterMonitoring,
            int fittedIncidents) {
        this.titled = Objects.requireNonNull(titled, "titled");
        this.untitled = Objects.requireNonNull(untitled, "untitled");
        this.afterIdentified = afterIdentified;
        this.afterMonitoring = afterMonitoring;
        this.fittedIncidents = fittedIncidents;
    }

    /**
     * The model fitted to the bundled corpus, fitted on first use (a second or so) and shared. It
     * is fitted at start-up rather than stored as fitted numbers so that the parameters can never
     * drift from the data, and so the backtest fits its training part with the same code.
     */
    public static DurationModel bundled() {
        return Bundled.MODEL;
    }

    /** How many incidents the model was fitted to. */
    public int fittedIncidents() {
        return fittedIncidents;
    }

    /** The incident's total duration and the time it has left, at {@code context.now()}. */
    public DurationForecast estimate(IncidentContext context, ServiceHistory history) {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(history, "history");
        DurationRegression model = regressionFor(context);
        double totalLocation = totalLocation(context, history);
        Instant postAt = context.statusPostAt();
        Phase phase = phase(context, history);
        ResidualDistribution residuals;
        double location;
        ResidualStats.Shrunk service;
        // The time modelled runs from the status post or the phase; `since` of it has passed
        // (negative while the post is still awaited), and the time left is its quantile given
        // that it has lasted that long, less `since`.
        double since;
        if (phase != null) {
            residuals = phase.model.residuals();
            service =
                    phase.stats.shrink(
                            phase.model.sigma(),
                            phase.model.shrinkWeight(),
                            DurationRegression.SCALE_WEIGHT);
            location =
                    phase.model.location(totalLocation, logSeconds(postAt, phase.at))
                            + service.offset();
            since = seconds(phase.at, context.now());
        } else {
            residuals = model.residuals();
            service = model.forService(history.total());
            location = totalLocation;
            since = seconds(postAt, context.now());
        }
        double[] remaining = new double[QUANTILES.length];
        for (int i = 0; i < QUANTILES.length; i++) {
            remaining[i] =
                    quantileSeconds(
                                    residuals,
                                    location,
                                    service.scale(),
                                    QUANTILES[i],
                                    Math.max(0, since))
                            - since;
        }
        Duration low = remainingDuration(remaining[0]);
        Duration median = remainingDuration(remaining[1]);
        Duration high = remainingDuration(remaining[2]);
        Duration elapsed = context.elapsed();
        return new DurationForecast(
                new DurationEstimate(elapsed.plus(median), elapsed.plus(low), elapsed.plus(high)),
                new DurationEstimate(median, low, high),
                basis(context, history, phase));
    }

    /**
     * The service's history with this incident, resolved at {@code resolvedAt}, learned; {@code
     * context} is the incident as last known (its status post, phases and title, if any).
     */
    public ServiceHistory learn(
            ServiceHistory history, IncidentContext context, Instant resolvedAt) {
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(resolvedAt, "resolvedAt");
        if (resolvedAt.isBefore(context.onset())) {
            throw new IllegalArgumentException(
                    "resolvedAt " + resolvedAt + " is before the onset " + context.onset());
        }
        DurationRegression model = regressionFor(context);
        double kindLocation = model.predict(IncidentFeatures.of(context, true));
        double totalLocation = kindLocation + model.forService(history.total()).offset();
        Instant postAt = context.statusPostAt();
        ResidualStats total = history.total().plus(logSeconds(postAt, resolvedAt) - kindLocation);
        ResidualStats identified =
                learnPhase(
                        history.afterIdentified(),
                        afterIdentified,
                        context.identifiedAt(),
                        postAt,
                        totalLocation,
                        resolvedAt);
        ResidualStats monitoring =
                learnPhase(
                        history.afterMonitoring(),
                        afterMonitoring,
                        context.monitoringAt(),
                        postAt,
                        totalLocation,
                        resolvedAt);
        return new ServiceHistory(history.incidents() + 1, total, identified, monitoring);
    }

    private static ResidualStats learnPhase(
            ResidualStats stats,
            PhaseRegression model,
            Instant phaseAt,
            Instant postAt,
            double totalLocation,
            Instant resolvedAt) {
        // A phase posted at the resolution itself (some feeds post "monitoring" and "resolved"
        // in the same minute) says nothing about the time left after it, like a retroactive post.
        if (model == null
                || phaseAt == null
                || seconds(phaseAt, resolvedAt) < CorpusIncident.SHORTEST_DURATION.getSeconds()) {
            return stats;
        }
        double location = model.location(totalLocation, logSeconds(postAt, phaseAt));
        return stats.plus(logSeconds(phaseAt, resolvedAt) - location);
    }

    /** The predicted log duration from first post, with the service's learned offset. */
    private double totalLocation(IncidentContext context, ServiceHistory history) {
        DurationRegression model = regressionFor(context);
        return model.predict(IncidentFeatures.of(context, true))
                + model.forService(history.total()).offset();
    }

    private DurationRegression regressionFor(IncidentContext context) {
        return context.statusTitle() != null ? titled : untitled;
    }

    /** The latest phase the status page reached that the model has a regression for. */
    private Phase phase(IncidentContext context, ServiceHistory history) {
        if (context.monitoringAt() != null && afterMonitoring != null) {
            return new Phase(
                    "monitoring",
                    afterMonitoring,
                    context.monitoringAt(),
                    history.afterMonitoring());
        }
        if (context.identifiedAt() != null && afterIdentified != null) {
            return new Phase(
                    "identified",
                    afterIdentified,
                    context.identifiedAt(),
                    history.afterIdentified());
        }
        return null;
    }

    /** A status-page phase with its regression, its start, and the service's residuals for it. */
    private record Phase(String name, PhaseRegression model, Instant at, ResidualStats stats) {}

    private String basis(IncidentContext context, ServiceHistory history, Phase phase) {
        int incidents = history.incidents();
        String own =
                incidents
                        + " past "
                        + context.service()
                        + (incidents == 1 ? " incident" : " incidents");
        String basis;
        if (history.total().weight() >= regressionFor(context).shrinkWeight()) {
            basis = "from " + own;
        } else if (incidents > 0) {
            basis = "typical of " + context.impact().kind() + ", and " + own;
        } else {
            basis = "typical of " + context.impact().kind();
        }
        return phase == null ? basis : basis + ", in " + phase.name;
    }

    /**
     * The {@code q}-quantile in seconds of a duration whose log is {@code location + scale · Z},
     * given that it exceeds {@code elapsedSeconds} (0 for no condition).
     */
    private static double quantileSeconds(
            ResidualDistribution residuals,
            double location,
            double scale,
            double q,
            double elapsedSeconds) {
        double zElapsed =
                elapsedSeconds > 0
                        ? (Math.log(elapsedSeconds) - location) / scale
                        : Double.NEGATIVE_INFINITY;
        double z = residuals.conditionalQuantile(q, zElapsed);
        return Math.max(elapsedSeconds, Math.exp(location + scale * z));
    }

    private static Duration remainingDuration(double seconds) {
        double capped = Math.min(Math.max(0, seconds), MAX_REMAINING.getSeconds());
        return Duration.ofSeconds((long) Math.ceil(capped));
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }

    /** log seconds from {@code from} to {@code to}, at least {@link #SHORTEST_SECONDS}. */
    private static double logSeconds(Instant from, Instant to) {
        return Math.log(Math.max(SHORTEST_SECONDS, seconds(from, to)));
    }

    /** Fitted once, when first asked for. */
    private static final class Bundled {
        static final DurationModel MODEL = DurationModelFitter.fit(IncidentCorpus.bundled());
    }
}
