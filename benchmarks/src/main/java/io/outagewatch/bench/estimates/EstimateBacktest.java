package io.outagewatch.bench.estimates;

import io.outagewatch.bench.estimates.prior.DurationEstimator;
import io.outagewatch.bench.estimates.prior.IncidentDurationHistory;
import io.outagewatch.detection.duration.DurationEstimate;
import io.outagewatch.detection.estimate.CorpusIncident;
import io.outagewatch.detection.estimate.DurationForecast;
import io.outagewatch.detection.estimate.DurationModel;
import io.outagewatch.detection.estimate.DurationModelFitter;
import io.outagewatch.detection.estimate.IncidentContext;
import io.outagewatch.detection.estimate.ServiceHistory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeSet;
import java.util.function.IntConsumer;

/**
 * Replays corpus incidents in time order and scores the duration model's estimate of the time
 * remaining at each {@link Checkpoint}, next to the detector's former 14-incident prior ({@link
 * DurationEstimator#withPublicPrior()}) as a baseline. Both learn each service's history online, as
 * the detector does: an incident is learned once it has resolved, before the next one's first post.
 * Only records that {@link CorpusIncident#carriesDuration() carry a duration} are replayed.
 */
final class EstimateBacktest {

    /**
     * The scores of one evaluation.
     *
     * @param train incidents with a duration the model was fitted to (for held-out services, the
     *     whole input: each service's model saw all of it but that service)
     * @param test incidents with a duration that were scored
     * @param services how many services were scored
     * @param model the model's score per checkpoint, in checkpoint order
     * @param baseline the 14-incident prior's score per checkpoint, in checkpoint order
     * @param hindsightFloor per checkpoint, in checkpoint order, the median |log error| of each
     *     service's own median remaining time there, known in hindsight ({@link HindsightFloor})
     */
    record Result(
            int train,
            int test,
            int services,
            List<CheckpointScore> model,
            List<CheckpointScore> baseline,
            List<Double> hindsightFloor) {}

    /** Both estimators' tallies per checkpoint, and the hindsight floor. */
    private record Tallies(
            Map<Checkpoint, CheckpointTally> model,
            Map<Checkpoint, CheckpointTally> baseline,
            Map<Checkpoint, HindsightFloor> floor) {
        Tallies() {
            this(
                    new EnumMap<>(Checkpoint.class),
                    new EnumMap<>(Checkpoint.class),
                    new EnumMap<>(Checkpoint.class));
            for (Checkpoint checkpoint : Checkpoint.values()) {
                model.put(checkpoint, new CheckpointTally());
                baseline.put(checkpoint, new CheckpointTally());
                floor.put(checkpoint, new HindsightFloor());
            }
        }

        Result result(int train, int test, int services) {
            List<CheckpointScore> modelScores = new ArrayList<>();
            List<CheckpointScore> baselineScores = new ArrayList<>();
            List<Double> floors = new ArrayList<>();
            for (Checkpoint checkpoint : Checkpoint.values()) {
                modelScores.add(model.get(checkpoint).score(checkpoint.label()));
                baselineScores.add(baseline.get(checkpoint).score(checkpoint.label()));
                floors.add(floor.get(checkpoint).medianAbsLogError());
            }
            return new Result(train, test, services, modelScores, baselineScores, floors);
        }
    }

    /** Estimates made with each service's history learned so far. */
    private final Tallies learning = new Tallies();

    /** The same estimates made as if each incident were its service's first. */
    private final Tallies firstIncident = new Tallies();

    private final DurationEstimator baseline = DurationEstimator.withPublicPrior();

    /** Incidents scored so far, over every replay of this evaluation, for the progress line. */
    private int scoredSoFar;

    private EstimateBacktest() {}

    /**
     * Fits on {@code train}, then replays train and test together in time order, scoring the test
     * incidents only: the services' histories start with their training incidents.
     */
    static Result timeSplit(
            List<CorpusIncident> train, List<CorpusIncident> test, IntConsumer replayed) {
        List<CorpusIncident> fitted = withDuration(train);
        List<CorpusIncident> scored = withDuration(test);
        DurationModel model = DurationModelFitter.fit(fitted);
        EstimateBacktest backtest = new EstimateBacktest();
        backtest.replay(model, fitted, scored, replayed);
        return backtest.learning.result(fitted.size(), scored.size(), services(scored));
    }

    /**
     * Each service in turn, fitted on every other service's incidents and replayed from an empty
     * history: how the model does for services it has never seen. The first result learns each
     * service's history as it goes; the second estimates every incident as its service's first.
     */
    static List<Result> heldOutServices(List<CorpusIncident> incidents, IntConsumer replayed) {
        List<CorpusIncident> all = withDuration(incidents);
        EstimateBacktest backtest = new EstimateBacktest();
        TreeSet<String> services = new TreeSet<>();
        all.forEach(incident -> services.add(incident.service()));
        for (String service : services) {
            List<CorpusIncident> others = new ArrayList<>();
            List<CorpusIncident> own = new ArrayList<>();
            for (CorpusIncident incident : all) {
                (incident.service().equals(service) ? own : others).add(incident);
            }
            backtest.replay(DurationModelFitter.fit(others), List.of(), own, replayed);
        }
        return List.of(
                backtest.learning.result(all.size(), all.size(), services.size()),
                backtest.firstIncident.result(all.size(), all.size(), services.size()));
    }

    private void replay(
            DurationModel model,
            List<CorpusIncident> learnOnly,
            List<CorpusIncident> scored,
            IntConsumer replayed) {
        record Entry(CorpusIncident incident, boolean scored) {}
        List<Entry> entries = new ArrayList<>();
        learnOnly.forEach(incident -> entries.add(new Entry(incident, false)));
        scored.forEach(incident -> entries.add(new Entry(incident, true)));
        entries.sort(Comparator.comparing(entry -> entry.incident().createdAt()));
        PriorityQueue<CorpusIncident> unresolved =
                new PriorityQueue<>(Comparator.comparing(CorpusIncident::resolvedAt));
        Map<String, ServiceHistory> histories = new HashMap<>();
        Map<String, IncidentDurationHistory> baselineHistories = new HashMap<>();
        for (Entry entry : entries) {
            CorpusIncident incident = entry.incident();
            while (!unresolved.isEmpty()
                    && !unresolved.peek().resolvedAt().isAfter(incident.createdAt())) {
                CorpusIncident resolved = unresolved.poll();
                ServiceHistory learned =
                        histories.getOrDefault(resolved.service(), ServiceHistory.empty());
                histories.put(
                        resolved.service(),
                        model.learn(
                                learned,
                                resolved.contextAt(resolved.resolvedAt()),
                                resolved.resolvedAt()));
                baselineHistories.put(
                        resolved.service(),
                        baselineHistories
                                .getOrDefault(resolved.service(), IncidentDurationHistory.empty())
                                .withRecorded(resolved.duration()));
            }
            if (entry.scored()) {
                score(
                        model,
                        incident,
                        histories.getOrDefault(incident.service(), ServiceHistory.empty()),
                        baselineHistories.getOrDefault(
                                incident.service(), IncidentDurationHistory.empty()));
                replayed.accept(++scoredSoFar);
            }
            unresolved.add(incident);
        }
    }

    private void score(
            DurationModel model,
            CorpusIncident incident,
            ServiceHistory history,
            IncidentDurationHistory baselineHistory) {
        for (Checkpoint checkpoint : Checkpoint.values()) {
            Instant at = checkpoint.in(incident);
            if (at == null || !incident.resolvedAt().isAfter(at)) {
                continue;
            }
            Duration actual = Duration.between(at, incident.resolvedAt());
            IncidentContext context = incident.contextAt(at);
            Duration elapsed = Duration.between(incident.createdAt(), at);
            learning.floor().get(checkpoint).add(incident.service(), actual);
            firstIncident.floor().get(checkpoint).add(incident.service(), actual);
            tally(learning, checkpoint, model.estimate(context, history), actual);
            tally(
                    firstIncident,
                    checkpoint,
                    model.estimate(context, ServiceHistory.empty()),
                    actual);
            tally(
                    learning,
                    checkpoint,
                    baseline.estimate(baselineHistory, elapsed),
                    elapsed,
                    actual);
            tally(
                    firstIncident,
                    checkpoint,
                    baseline.estimate(IncidentDurationHistory.empty(), elapsed),
                    elapsed,
                    actual);
        }
    }

    private static void tally(
            Tallies tallies, Checkpoint checkpoint, DurationForecast forecast, Duration actual) {
        DurationEstimate remaining = forecast.remaining();
        tallies.model()
                .get(checkpoint)
                .add(remaining.low(), remaining.median(), remaining.high(), actual);
    }

    /** The baseline estimates the total; the time remaining is that less the time elapsed. */
    private static void tally(
            Tallies tallies,
            Checkpoint checkpoint,
            DurationEstimate total,
            Duration elapsed,
            Duration actual) {
        tallies.baseline()
                .get(checkpoint)
                .add(
                        total.low().minus(elapsed),
                        total.median().minus(elapsed),
                        total.high().minus(elapsed),
                        actual);
    }

    private static List<CorpusIncident> withDuration(List<CorpusIncident> incidents) {
        return incidents.stream().filter(CorpusIncident::carriesDuration).toList();
    }

    private static int services(List<CorpusIncident> incidents) {
        return (int) incidents.stream().map(CorpusIncident::service).distinct().count();
    }
}
