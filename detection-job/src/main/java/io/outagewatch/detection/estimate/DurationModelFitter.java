package io.outagewatch.detection.estimate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.IntPredicate;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.Variance;

/**
 * Fits a {@link DurationModel} to incident-corpus records.
 *
 * <ol>
 *   <li>Only records that {@link CorpusIncident#carriesDuration() carry a duration} are used.
 *       Retroactive posts (caveat 2 of the corpus) are dropped, not treated as short: their real
 *       length is unknown, not zero. Every record is resolved, so none is right-censored.
 *   <li>The response is the log of the time from the first post to the resolution. The onset is not
 *       known for most records, so posting lag is handled at estimate time ({@link LeadingSignal}),
 *       not here.
 *   <li>Ridge regression (penalty {@link #FEATURE_PENALTY}) on the features of {@link
 *       IncidentFeatures}, title words kept only if they appear in {@link #MIN_WORD_INCIDENTS}
 *       incidents of {@link #MIN_WORD_SERVICES} services: a word of one vendor ("carrier",
 *       "Grafana") describes the vendor, not the kind of incident, and an unseen service would not
 *       use it.
 *   <li>Each service gets an offset, penalised by σ² / τ² (a random effect). τ², the variance of
 *       services' offsets, is estimated by moments from a first fit without offsets. The offsets
 *       keep Twilio and Cloudflare (half the corpus) from deciding what a kind of incident takes,
 *       and are then discarded: a service's offset is learned online, from its own incidents, like
 *       any unseen service's. Residuals are taken within services.
 *   <li>The same again without title words, for incidents before a status title arrives.
 *   <li>For {@code identified} and {@code monitoring}: the log time from the phase to the
 *       resolution regressed on the incident's predicted log total (with its service's fitted
 *       offset) and the log time it took to reach the phase, if {@link #MIN_PHASE_INCIDENTS}
 *       records have the phase. A phase posted within {@link CorpusIncident#SHORTEST_DURATION} of
 *       the resolution is left out: posted with the resolution, it tells nothing of the time left.
 *       A service's offset after the phase is its own random effect, shrunk by the phase's σ² / τ²,
 *       with τ² measured on the phase's residuals as for the total (each service's mean under a fit
 *       without it) rather than borrowed from the total: how much services differ after {@code
 *       monitoring} need not follow how much their totals do. σ and the residuals' shape are taken
 *       within services.
 * </ol>
 */
public final class DurationModelFitter {

    /** Ridge penalty on each feature's coefficient, in incidents' worth of evidence. */
    static final double FEATURE_PENALTY = 5;

    /** A title word counts once this many incidents use it... */
    static final int MIN_WORD_INCIDENTS = 15;

    /** ...of at least this many services. */
    static final int MIN_WORD_SERVICES = 3;

    /** Ridge penalty on the phase regressions' two slopes. */
    static final double SLOPE_PENALTY = 1;

    /** Fewer records with a phase than this, and the phase is ignored. */
    static final int MIN_PHASE_INCIDENTS = 20;

    /** Fewer records than this, and there is nothing to fit. */
    static final int MIN_INCIDENTS = 50;

    /** The least variance of services' offsets assumed, so the shrinkage weight stays finite. */
    static final double MIN_SERVICE_VARIANCE = 0.01;

    private DurationModelFitter() {}

    public static DurationModel fit(List<CorpusIncident> corpus) {
        List<CorpusIncident> incidents =
                corpus.stream().filter(CorpusIncident::carriesDuration).toList();
        if (incidents.size() < MIN_INCIDENTS) {
            throw new IllegalArgumentException(
                    "need at least "
                            + MIN_INCIDENTS
                            + " incidents with a duration, got "
                            + incidents.size());
        }
        Set<String> words = titleVocabulary(incidents);
        List<IncidentContext> contexts = new ArrayList<>();
        double[] logDurations = new double[incidents.size()];
        for (int i = 0; i < incidents.size(); i++) {
            CorpusIncident incident = incidents.get(i);
            contexts.add(incident.contextAt(incident.createdAt()));
            logDurations[i] = logSeconds(incident.duration());
        }
        List<String> services = incidents.stream().map(CorpusIncident::service).toList();
        List<List<String>> titledFeatures = new ArrayList<>();
        List<List<String>> untitledFeatures = new ArrayList<>();
        for (IncidentContext context : contexts) {
            List<String> features = new ArrayList<>();
            for (String feature : IncidentFeatures.of(context, true)) {
                if (!IncidentFeatures.isTitleFeature(feature) || words.contains(feature)) {
                    features.add(feature);
                }
            }
            titledFeatures.add(features);
            untitledFeatures.add(IncidentFeatures.of(context, false));
        }
        MixedFit titled = MixedFit.of(titledFeatures, services, logDurations);
        MixedFit untitled = MixedFit.of(untitledFeatures, services, logDurations);
        double[] totalLocations = new double[incidents.size()];
        for (int i = 0; i < incidents.size(); i++) {
            totalLocations[i] = logDurations[i] - titled.residuals[i];
        }
        return new DurationModel(
                titled.regression(),
                untitled.regression(),
                fitPhase(incidents, totalLocations, CorpusIncident::identifiedAt),
                fitPhase(incidents, totalLocations, CorpusIncident::monitoringAt),
                incidents.size());
    }

    /** Title words (as features) common enough, and across enough services, to generalise. */
    private static Set<String> titleVocabulary(List<CorpusIncident> incidents) {
        Map<String, Integer> counts = new HashMap<>();
        Map<String, Set<String>> servicesOf = new HashMap<>();
        for (CorpusIncident incident : incidents) {
            if (incident.title() == null) {
                continue;
            }
            for (String word : IncidentFeatures.titleWords(incident.title())) {
                counts.merge(word, 1, Integer::sum);
                servicesOf.computeIfAbsent(word, w -> new HashSet<>()).add(incident.service());
            }
        }
        Set<String> vocabulary = new TreeSet<>();
        counts.forEach(
                (word, count) -> {
                    if (count >= MIN_WORD_INCIDENTS
                            && servicesOf.get(word).size() >= MIN_WORD_SERVICES) {
                        vocabulary.add(IncidentFeatures.titleFeature(word));
                    }
                });
        return vocabulary;
    }

    private static PhaseRegression fitPhase(
            List<CorpusIncident> incidents,
            double[] totalLocations,
            Function<CorpusIncident, Instant> phase) {
        List<double[]> rows = new ArrayList<>();
        List<Double> responses = new ArrayList<>();
        List<String> services = new ArrayList<>();
        for (int i = 0; i < incidents.size(); i++) {
            CorpusIncident incident = incidents.get(i);
            Instant at = phase.apply(incident);
            if (at == null
                    || Duration.between(at, incident.resolvedAt())
                                    .compareTo(CorpusIncident.SHORTEST_DURATION)
                            < 0) {
                continue;
            }
            rows.add(
                    new double[] {
                        1, totalLocations[i], logSeconds(Duration.between(incident.createdAt(), at))
                    });
            responses.add(logSeconds(Duration.between(at, incident.resolvedAt())));
            services.add(incident.service());
        }
        if (rows.size() < MIN_PHASE_INCIDENTS) {
            return null;
        }
        double[] y = responses.stream().mapToDouble(Double::doubleValue).toArray();
        double[] beta = phaseCoefficients(rows, y, r -> true);
        double[] residuals = phaseResiduals(rows, y, beta);
        Map<String, List<Integer>> rowsOf = new TreeMap<>();
        for (int r = 0; r < rows.size(); r++) {
            rowsOf.computeIfAbsent(services.get(r), s -> new ArrayList<>()).add(r);
        }
        // The spread within a service: the residuals about their service's own mean, pooled.
        double withinVariance = 0;
        for (List<Integer> own : rowsOf.values()) {
            withinVariance += new Variance(false).evaluate(valuesAt(residuals, own)) * own.size();
        }
        withinVariance /= rows.size();
        // How far services' offsets scatter, each service's mean residual taken under a fit
        // without it (as for the total). With a single service there is nothing to measure it
        // by, and it is assumed as large as the spread within one.
        double excess = 0;
        int offsetServices = 0;
        for (Map.Entry<String, List<Integer>> entry : rowsOf.entrySet()) {
            List<Integer> own = entry.getValue();
            if (own.size() < 2 || own.size() == rows.size()) {
                continue;
            }
            String service = entry.getKey();
            double[] heldOut =
                    phaseResiduals(
                            rows,
                            y,
                            phaseCoefficients(rows, y, r -> !services.get(r).equals(service)));
            double[] ownResiduals = valuesAt(heldOut, own);
            double mean = new Mean().evaluate(ownResiduals);
            excess +=
                    mean * mean - new Variance(false).evaluate(ownResiduals) / ownResiduals.length;
            offsetServices++;
        }
        double serviceVariance =
                offsetServices > 0
                        ? Math.max(MIN_SERVICE_VARIANCE, excess / offsetServices)
                        : withinVariance;
        double shrinkWeight = withinVariance / serviceVariance;
        // The residuals within services, each less its service's shrunk mean.
        double[] within = residuals.clone();
        for (List<Integer> own : rowsOf.values()) {
            double shrunkMean =
                    new Mean().evaluate(valuesAt(residuals, own))
                            * own.size()
                            / (own.size() + shrinkWeight);
            for (int r : own) {
                within[r] -= shrunkMean;
            }
        }
        double sigma = Math.sqrt(new Variance(false).evaluate(within));
        return new PhaseRegression(
                beta[0],
                beta[1],
                beta[2],
                sigma,
                shrinkWeight,
                ResidualDistribution.of(scaled(within, sigma)));
    }

    /** The phase regression's coefficients, fitted to the rows {@code included} selects. */
    private static double[] phaseCoefficients(
            List<double[]> rows, double[] y, IntPredicate included) {
        double[][] normal = new double[3][3];
        double[] moments = new double[3];
        for (int r = 0; r < rows.size(); r++) {
            if (!included.test(r)) {
                continue;
            }
            double[] row = rows.get(r);
            for (int a = 0; a < 3; a++) {
                moments[a] += row[a] * y[r];
                for (int b = 0; b < 3; b++) {
                    normal[a][b] += row[a] * row[b];
                }
            }
        }
        normal[1][1] += SLOPE_PENALTY;
        normal[2][2] += SLOPE_PENALTY;
        return solve(normal, moments);
    }

    private static double[] phaseResiduals(List<double[]> rows, double[] y, double[] beta) {
        double[] residuals = new double[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            double[] row = rows.get(r);
            residuals[r] = y[r] - (beta[0] * row[0] + beta[1] * row[1] + beta[2] * row[2]);
        }
        return residuals;
    }

    private static double[] valuesAt(double[] values, List<Integer> indices) {
        return indices.stream().mapToDouble(i -> values[i]).toArray();
    }

    /**
     * A ridge fit with a random offset per service: the coefficients, the within-service residuals,
     * σ and τ².
     */
    private record MixedFit(
            LinearPredictor predictor, double[] residuals, double sigma, double serviceVariance) {

        /**
         * Columns: the features, then the intercept, then one per service, so that the fits without
         * service offsets solve only the columns before them.
         */
        static MixedFit of(List<List<String>> features, List<String> services, double[] y) {
            Map<String, Integer> columns = new LinkedHashMap<>();
            for (List<String> row : features) {
                for (String feature : new TreeSet<>(row)) {
                    columns.putIfAbsent(feature, columns.size());
                }
            }
            int intercept = columns.size();
            Map<String, Integer> serviceColumns = new TreeMap<>();
            for (String service : services) {
                serviceColumns.putIfAbsent(service, 0);
            }
            int next = intercept + 1;
            for (Map.Entry<String, Integer> entry : serviceColumns.entrySet()) {
                entry.setValue(next++);
            }
            int[][] withoutServices = new int[y.length][];
            int[][] rows = new int[y.length][];
            for (int i = 0; i < y.length; i++) {
                List<Integer> row = new ArrayList<>();
                for (String feature : features.get(i)) {
                    row.add(columns.get(feature));
                }
                row.add(intercept);
                withoutServices[i] = row.stream().distinct().mapToInt(Integer::intValue).toArray();
                row.add(serviceColumns.get(services.get(i)));
                rows[i] = row.stream().distinct().mapToInt(Integer::intValue).toArray();
            }
            // First without service offsets, to measure how far services' means scatter from it.
            double[] penalties = new double[next];
            Arrays.fill(penalties, 0, intercept, FEATURE_PENALTY);
            double[] pooledPenalties = Arrays.copyOf(penalties, intercept + 1);
            NormalEquations pooled =
                    NormalEquations.of(withoutServices, y, intercept + 1, i -> true);
            double[] pooledResiduals =
                    residualsOf(withoutServices, y, pooled.solve(pooledPenalties));
            double pooledVariance = new Variance(false).evaluate(pooledResiduals);
            double serviceVariance =
                    heldOutServiceVariance(withoutServices, y, pooled, pooledPenalties, services);
            Arrays.fill(penalties, intercept + 1, next, pooledVariance / serviceVariance);
            double[] beta = NormalEquations.of(rows, y, next, i -> true).solve(penalties);
            double[] residuals = residualsOf(rows, y, beta);
            double sigma = Math.sqrt(new Variance(false).evaluate(residuals, 0));
            Map<String, Double> coefficients = new TreeMap<>();
            columns.forEach((feature, column) -> coefficients.put(feature, beta[column]));
            return new MixedFit(
                    new LinearPredictor(beta[intercept], coefficients),
                    residuals,
                    sigma,
                    serviceVariance);
        }

        DurationRegression regression() {
            return new DurationRegression(
                    predictor,
                    sigma,
                    sigma * sigma / serviceVariance,
                    ResidualDistribution.of(scaled(residuals, sigma)));
        }

        /**
         * τ², by moments over services: each service's mean residual under a fit without it,
         * squared, less its sampling variance, averaged over services with two incidents or more
         * (each counts once, however many incidents it has) and floored at {@link
         * #MIN_SERVICE_VARIANCE}. Leaving the service out matters: fitted with it, title words a
         * service uses often absorb its offset, and an unseen service then looks closer to the fit
         * than it will be.
         */
        private static double heldOutServiceVariance(
                int[][] rows,
                double[] y,
                NormalEquations all,
                double[] penalties,
                List<String> services) {
            Map<String, List<Integer>> rowsOf = new TreeMap<>();
            for (int i = 0; i < y.length; i++) {
                rowsOf.computeIfAbsent(services.get(i), s -> new ArrayList<>()).add(i);
            }
            double excess = 0;
            int counted = 0;
            for (Map.Entry<String, List<Integer>> entry : rowsOf.entrySet()) {
                List<Integer> own = entry.getValue();
                if (own.size() < 2 || own.size() == y.length) {
                    continue;
                }
                String service = entry.getKey();
                NormalEquations ownRows =
                        NormalEquations.of(
                                rows, y, penalties.length, i -> services.get(i).equals(service));
                double[] beta = all.minus(ownRows).solve(penalties);
                double[] residuals = new double[own.size()];
                for (int k = 0; k < residuals.length; k++) {
                    int i = own.get(k);
                    residuals[k] = y[i] - predictionOf(rows[i], beta);
                }
                double mean = new Mean().evaluate(residuals);
                excess += mean * mean - new Variance(false).evaluate(residuals) / residuals.length;
                counted++;
            }
            return counted == 0
                    ? MIN_SERVICE_VARIANCE
                    : Math.max(MIN_SERVICE_VARIANCE, excess / counted);
        }
    }

    /**
     * X'X and X'y of a least-squares fit on 0/1 rows, each row given as its columns that are 1.
     *
     * @param normal X'X
     * @param moments X'y
     */
    private record NormalEquations(double[][] normal, double[] moments) {

        /**
         * The equations of the rows {@code included} selects, over the first {@code size} columns.
         */
        static NormalEquations of(int[][] rows, double[] y, int size, IntPredicate included) {
            double[][] normal = new double[size][size];
            double[] moments = new double[size];
            for (int i = 0; i < rows.length; i++) {
                if (!included.test(i)) {
                    continue;
                }
                for (int a : rows[i]) {
                    moments[a] += y[i];
                    for (int b : rows[i]) {
                        normal[a][b] += 1;
                    }
                }
            }
            return new NormalEquations(normal, moments);
        }

        /** The equations of these rows without {@code other}'s. */
        NormalEquations minus(NormalEquations other) {
            double[][] normal = new double[this.normal.length][];
            double[] moments = new double[this.moments.length];
            for (int a = 0; a < normal.length; a++) {
                normal[a] = this.normal[a].clone();
                moments[a] = this.moments[a] - other.moments[a];
                for (int b = 0; b < normal.length; b++) {
                    normal[a][b] -= other.normal[a][b];
                }
            }
            return new NormalEquations(normal, moments);
        }

        /**
         * The ridge solution with {@code penalties} per column (0 for the intercept). A column no
         * row uses gets a unit penalty, so the system stays solvable; its coefficient is then 0.
         */
        double[] solve(double[] penalties) {
            double[][] penalised = new double[normal.length][];
            for (int c = 0; c < normal.length; c++) {
                penalised[c] = normal[c].clone();
                penalised[c][c] += penalties[c];
                if (penalised[c][c] == 0) {
                    penalised[c][c] = 1;
                }
            }
            return DurationModelFitter.solve(penalised, moments);
        }
    }

    private static double[] residualsOf(int[][] rows, double[] y, double[] beta) {
        double[] residuals = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            residuals[i] = y[i] - predictionOf(rows[i], beta);
        }
        return residuals;
    }

    private static double predictionOf(int[] row, double[] beta) {
        double prediction = 0;
        for (int column : row) {
            prediction += beta[column];
        }
        return prediction;
    }

    private static double[] solve(double[][] normal, double[] moments) {
        RealVector solution =
                new CholeskyDecomposition(new Array2DRowRealMatrix(normal, false))
                        .getSolver()
                        .solve(new ArrayRealVector(moments, false));
        return solution.toArray();
    }

    private static double[] scaled(double[] values, double divisor) {
        double[] scaled = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            scaled[i] = values[i] / divisor;
        }
        return scaled;
    }

    private static double logSeconds(Duration duration) {
        return Math.log(Math.max(DurationModel.SHORTEST_SECONDS, duration.toMillis() / 1000.0));
    }
}
