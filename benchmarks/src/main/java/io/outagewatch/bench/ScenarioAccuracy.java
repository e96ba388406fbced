package io.outagewatch.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.outagewatch.bench.accuracy.ScenarioScore;
import io.outagewatch.detection.replay.ScenarioInput;
import io.outagewatch.detection.replay.ScenarioReplay;
import io.outagewatch.progress.Display;
import io.outagewatch.progress.ProgressReporter;
import io.outagewatch.progress.ProgressText;
import io.outagewatch.scenario.Scenario;
import io.outagewatch.scenario.Scenarios;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * {@code bin/outagewatch bench scenarios}: replays the scenario suite and prints, per scenario and
 * overall, detection delay, onset, recovery and duration errors, the error of the duration estimate
 * at OUTAGE_STARTED, and false alarms per day.
 */
public final class ScenarioAccuracy {

    private ScenarioAccuracy() {}

    public static int run(boolean json, PrintStream out, PrintStream err) throws Exception {
        List<ScenarioScore> scores = score(Scenarios.all(), err);
        if (json) {
            out.println(toJson(scores));
        } else {
            printTable(scores, out);
        }
        return 0;
    }

    /** Replays each scenario as it is and scores its alerts against the expected incidents. */
    static List<ScenarioScore> score(List<Scenario> scenarios, PrintStream err) throws Exception {
        List<ScenarioScore> scores = new ArrayList<>();
        AtomicInteger replayed = new AtomicInteger();
        AtomicReference<String> replaying = new AtomicReference<>("");
        try (WorkDirectory work = WorkDirectory.create("outagewatch-bench-scenarios-");
                ProgressReporter progress =
                        ProgressReporter.start(
                                "bench scenarios",
                                () ->
                                        ProgressText.join(
                                                ProgressText.ofTotal(
                                                        replayed.get(),
                                                        scenarios.size(),
                                                        "scenarios replayed"),
                                                replaying.get()),
                                err,
                                Display.stderr())) {
            for (Scenario scenario : scenarios) {
                replaying.set("now " + scenario.name());
                ScenarioReplay.Run run =
                        ScenarioReplay.run(
                                scenario,
                                work.path().resolve(scenario.name()),
                                ScenarioInput.Roughness.NONE);
                scores.add(ScenarioScore.of(scenario, run.alerts()));
                replayed.set(scores.size());
            }
            replaying.set("");
        }
        return scores;
    }

    private static void printTable(List<ScenarioScore> scores, PrintStream out) {
        out.println(
                "| scenario | expected | detected | detection delay | onset error | recovery error"
                        + " | duration error | estimate error at start | false alarms / day |");
        out.println("|---|---|---|---|---|---|---|---|---|");
        int expected = 0;
        int detected = 0;
        int falseAlarms = 0;
        double days = 0;
        for (ScenarioScore score : scores) {
            int found =
                    (int) score.matches().stream().filter(m -> m.detected().isPresent()).count();
            expected += score.matches().size();
            detected += found;
            falseAlarms += score.falseAlarms().size();
            days += score.days();
            out.printf(
                    "| %s | %d | %d | %s | %s | %s | %s | %s | %.2f |%n",
                    score.scenario(),
                    score.matches().size(),
                    found,
                    column(score, ScenarioScore.Match::detectionDelay),
                    column(score, ScenarioScore.Match::onsetError),
                    column(score, ScenarioScore.Match::recoveryError),
                    column(score, ScenarioScore.Match::durationError),
                    column(score, ScenarioScore.Match::estimateError),
                    score.falseAlarmsPerDay());
        }
        out.printf(
                "| **all** | %d | %d | | | | | | %.2f (%d in %.1f days) |%n",
                expected, detected, days == 0 ? 0 : falseAlarms / days, falseAlarms, days);
    }

    private static String column(
            ScenarioScore score, Function<ScenarioScore.Match, Optional<Duration>> metric) {
        List<String> values = new ArrayList<>();
        for (ScenarioScore.Match match : score.matches()) {
            values.add(metric.apply(match).map(ScenarioAccuracy::signedMinutes).orElse("—"));
        }
        return values.isEmpty() ? "" : String.join(", ", values);
    }

    private static String signedMinutes(Duration duration) {
        long seconds = duration.toSeconds();
        return String.format("%+.1f min", seconds / 60.0);
    }

    /**
     * One line of JSON: the overall counts and medians at the top ({@code incidents} expected,
     * {@code detected}, {@code falseAlarms}, {@code medianDelaySeconds}, {@code
     * medianDurationErrorSeconds} of the absolute duration errors; a median is null when there is
     * nothing to take it of), then each scenario with its incidents.
     */
    static String toJson(List<ScenarioScore> scores) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        List<ScenarioScore.Match> matches =
                scores.stream().flatMap(score -> score.matches().stream()).toList();
        root.put("incidents", matches.size());
        root.put("detected", matches.stream().filter(m -> m.detected().isPresent()).count());
        root.put("falseAlarms", scores.stream().mapToInt(s -> s.falseAlarms().size()).sum());
        root.put("days", scores.stream().mapToDouble(ScenarioScore::days).sum());
        putMedian(root, "medianDelaySeconds", matches, ScenarioScore.Match::detectionDelay);
        putMedian(
                root,
                "medianDurationErrorSeconds",
                matches,
                m -> m.durationError().map(Duration::abs));
        ArrayNode array = root.putArray("scenarios");
        for (ScenarioScore score : scores) {
            ObjectNode node = array.addObject();
            node.put("scenario", score.scenario());
            node.put("falseAlarms", score.falseAlarms().size());
            node.put("days", score.days());
            ArrayNode incidents = node.putArray("incidents");
            for (ScenarioScore.Match match : score.matches()) {
                ObjectNode incident = incidents.addObject();
                incident.put("service", match.expected().service());
                incident.put("detected", match.detected().isPresent());
                putSeconds(incident, "detectionDelaySeconds", match.detectionDelay());
                putSeconds(incident, "onsetErrorSeconds", match.onsetError());
                putSeconds(incident, "recoveryErrorSeconds", match.recoveryError());
                putSeconds(incident, "durationErrorSeconds", match.durationError());
                putSeconds(incident, "estimateErrorSeconds", match.estimateError());
            }
        }
        return root.toString();
    }

    private static void putMedian(
            ObjectNode node,
            String field,
            List<ScenarioScore.Match> matches,
            Function<ScenarioScore.Match, Optional<Duration>> metric) {
        double[] seconds =
                matches.stream()
                        .map(metric)
                        .flatMap(Optional::stream)
                        .mapToDouble(Duration::toSeconds)
                        .sorted()
                        .toArray();
        if (seconds.length == 0) {
            node.putNull(field);
        } else {
            node.put(field, Stats.median(seconds));
        }
    }

    private static void putSeconds(ObjectNode node, String field, Optional<Duration> value) {
        value.ifPresentOrElse(v -> node.put(field, v.toSeconds()), () -> node.putNull(field));
    }
}
