package io.outagewatch.bench.nab;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * NAB's scoring, ported from {@code nab/sweeper.py} and the normalisation of {@code nab/runner.py}.
 *
 * <p>Per file ({@link #annotate}): the first {@link #probationaryLength} rows are probationary and
 * never scored. A row inside a window would, if detected, earn {@code scaledSigmoid(-(R - i + 1) /
 * W) * A_TP / scaledSigmoid(-1)} (R the window's last row index, W its width in rows); a row
 * outside every window would cost {@code scaledSigmoid(|R' - i| / (W' - 1)) * A_FP} after a window
 * (R', W' of the preceding window) or {@code -A_FP} before any.
 *
 * <p>Corpus ({@link #sweep}): every row of every file, sorted by anomaly score, highest first; each
 * window starts at {@code -A_FN} and takes the best (earliest) detection's score, false positives
 * add up. The raw score is recorded at the initial threshold 1.1 and at every distinct anomaly
 * score (a row detects when its score is at or above the threshold); the best is the first maximum
 * in that order, so among equal scores the highest threshold wins, as Python's {@code max} does.
 *
 * <p>Normalisation ({@link #score}): {@code 100 (S - S_null) / (S_perfect - S_null)}, S_null the
 * swept score of NAB's null detector (a constant 0.5 on every row) and S_perfect the number of
 * windows in the label file times A_TP.
 */
public final class NabScorer {

    public static final double PROBATION_PERCENT = 0.15;

    /** Rows outside every window after probation. */
    static final int OUTSIDE = -1;

    /** Probationary rows, never scored. */
    static final int PROBATION = -2;

    private static final double NULL_DETECTOR_SCORE = 0.5;
    private static final double INITIAL_THRESHOLD = 1.1;

    private NabScorer() {}

    /** NAB's {@code scaledSigmoid}: {@code 2 / (1 + e^(5y)) - 1}, and -1 for y above 3. */
    public static double scaledSigmoid(double y) {
        if (y > 3.0) {
            return -1.0;
        }
        return 2.0 * (1.0 / (1.0 + Math.exp(5.0 * y))) - 1.0;
    }

    /** {@code min(floor(0.15 rows), 0.15 * 5000)}, exactly as NAB computes it. */
    public static int probationaryLength(int rows) {
        return (int) Math.min(Math.floor(PROBATION_PERCENT * rows), PROBATION_PERCENT * 5000);
    }

    /**
     * One file's rows as the sweep sees them, independent of the profile: the anomaly score, the
     * unweighted sigmoid a detection would earn, and the window (index into the file's windows),
     * {@link #OUTSIDE} or {@link #PROBATION}.
     */
    public record Annotated(
            String file, double[] anomalyScores, double[] unweighted, int[] window, int windows) {

        /** The sweep score of row {@code i} under {@code profile}. */
        double weighted(int i, NabProfile profile) {
            if (window[i] >= 0) {
                return unweighted[i] * profile.tpWeight() / scaledSigmoid(-1.0);
            }
            return unweighted[i] * profile.fpWeight();
        }
    }

    /** NAB's {@code calcSweepScore} for one file, without the profile weights. */
    public static Annotated annotate(
            String file,
            List<LocalDateTime> timestamps,
            double[] anomalyScores,
            List<NabWindows.Window> windowLimits) {
        int rows = timestamps.size();
        if (anomalyScores.length != rows) {
            throw new IllegalArgumentException(
                    file + ": " + rows + " timestamps but " + anomalyScores.length + " scores");
        }
        int probation = probationaryLength(rows);
        double[] unweighted = new double[rows];
        int[] window = new int[rows];
        int next = 0;
        int current = -1;
        int currentRight = -1;
        double currentWidth = 0;
        int previousRight = -1;
        double previousWidth = 0;
        for (int i = 0; i < rows; i++) {
            LocalDateTime t = timestamps.get(i);
            if (current < 0
                    && next < windowLimits.size()
                    && !t.isBefore(windowLimits.get(next).start())) {
                current = next++;
                currentRight = rightIndex(timestamps, i, windowLimits.get(current).end());
                currentWidth = currentRight - i + 1;
            }
            if (current >= 0) {
                unweighted[i] = scaledSigmoid(-(currentRight - i + 1) / currentWidth);
            } else if (previousRight < 0) {
                unweighted[i] = -1.0;
            } else {
                unweighted[i] = scaledSigmoid(Math.abs(previousRight - i) / (previousWidth - 1));
            }
            window[i] = i < probation ? PROBATION : current >= 0 ? current : OUTSIDE;
            if (current >= 0 && i == currentRight) {
                previousRight = currentRight;
                previousWidth = currentWidth;
                current = -1;
            }
        }
        return new Annotated(file, anomalyScores.clone(), unweighted, window, windowLimits.size());
    }

    /** The row of the window's end: the exact timestamp, else the last row before it. */
    private static int rightIndex(List<LocalDateTime> timestamps, int from, LocalDateTime end) {
        int right = from;
        for (int j = from; j < timestamps.size() && !timestamps.get(j).isAfter(end); j++) {
            right = j;
        }
        return right;
    }

    /** The best threshold of a sweep and the raw score there. */
    public record Sweep(double threshold, double rawScore) {}

    /** NAB's threshold optimisation over the whole corpus under one profile. */
    public static Sweep sweep(List<Annotated> files, NabProfile profile) {
        int total = files.stream().mapToInt(f -> f.anomalyScores().length).sum();
        double[] scores = new double[total];
        double[] weighted = new double[total];
        int[] window = new int[total];
        int[] windowOffset = new int[files.size()];
        int windows = 0;
        int at = 0;
        boolean[] scoredWindow;
        for (int f = 0; f < files.size(); f++) {
            windowOffset[f] = windows;
            windows += files.get(f).windows();
        }
        scoredWindow = new boolean[windows];
        for (int f = 0; f < files.size(); f++) {
            Annotated file = files.get(f);
            for (int i = 0; i < file.anomalyScores().length; i++, at++) {
                scores[at] = file.anomalyScores()[i];
                weighted[at] = file.weighted(i, profile);
                int w = file.window()[i];
                window[at] = w >= 0 ? windowOffset[f] + w : w;
                if (w >= 0) {
                    scoredWindow[window[at]] = true;
                }
            }
        }
        double[] parts = new double[windows];
        double raw = 0;
        for (int w = 0; w < windows; w++) {
            if (scoredWindow[w]) {
                parts[w] = -profile.fnWeight();
                raw += parts[w];
            }
        }
        Integer[] order = new Integer[total];
        for (int i = 0; i < total; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
        double threshold = INITIAL_THRESHOLD;
        Sweep best = null;
        for (int k : order) {
            if (scores[k] != threshold) {
                best = better(best, threshold, raw);
                threshold = scores[k];
            }
            if (window[k] == OUTSIDE) {
                raw += weighted[k];
            } else if (window[k] >= 0 && weighted[k] > parts[window[k]]) {
                raw += weighted[k] - parts[window[k]];
                parts[window[k]] = weighted[k];
            }
        }
        return better(best, threshold, raw);
    }

    private static Sweep better(Sweep best, double threshold, double raw) {
        return best == null || raw > best.rawScore() ? new Sweep(threshold, raw) : best;
    }

    /** The raw score of one file at a fixed threshold (rows at or above it detect). */
    public static double rawScore(Annotated file, NabProfile profile, double threshold) {
        double[] parts = new double[file.windows()];
        boolean[] scored = new boolean[file.windows()];
        double fp = 0;
        for (int i = 0; i < file.anomalyScores().length; i++) {
            int w = file.window()[i];
            if (w >= 0 && !scored[w]) {
                scored[w] = true;
                parts[w] = -profile.fnWeight();
            }
            if (file.anomalyScores()[i] >= threshold) {
                if (w == OUTSIDE) {
                    fp += file.weighted(i, profile);
                } else if (w >= 0) {
                    parts[w] = Math.max(parts[w], file.weighted(i, profile));
                }
            }
        }
        return fp + Arrays.stream(parts).sum();
    }

    /** A detector's result under one profile. */
    public record ProfileScore(
            String profile,
            double threshold,
            double rawScore,
            double nullScore,
            double perfectScore,
            double normalized) {}

    /** Sweeps, then normalises against the null detector and the perfect score. */
    public static List<ProfileScore> score(
            List<Annotated> files, int labelledWindows, List<NabProfile> profiles) {
        Objects.requireNonNull(files, "files");
        List<Annotated> nullFiles = new ArrayList<>();
        for (Annotated f : files) {
            double[] constant = new double[f.anomalyScores().length];
            Arrays.fill(constant, NULL_DETECTOR_SCORE);
            nullFiles.add(
                    new Annotated(f.file(), constant, f.unweighted(), f.window(), f.windows()));
        }
        List<ProfileScore> result = new ArrayList<>();
        for (NabProfile profile : profiles) {
            Sweep best = sweep(files, profile);
            double nullScore = sweep(nullFiles, profile).rawScore();
            double perfect = labelledWindows * profile.tpWeight();
            double normalized = 100 * (best.rawScore() - nullScore) / (perfect - nullScore);
            result.add(
                    new ProfileScore(
                            profile.name(),
                            best.threshold(),
                            best.rawScore(),
                            nullScore,
                            perfect,
                            normalized));
        }
        return result;
    }
}
