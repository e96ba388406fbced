package io.outagewatch.detection.functions;

import static org.assertj.core.api.Assertions.assertThat;

import io.outagewatch.detection.incident.IncidentAlerts;
import io.outagewatch.detection.incident.IncidentLinker;
import io.outagewatch.events.Alert;
import io.outagewatch.events.AlertSerde;
import io.outagewatch.events.RelatedIncident;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class RelatedIncidentsHarnessTest {

    private static final Instant STORAGE_ONSET = Instant.parse("2024-05-14T13:40:00Z");
    private static final Instant API_ONSET = Instant.parse("2024-05-14T13:41:00Z");
    private static final Instant QUEUE_ONSET = Instant.parse("2024-05-14T13:42:00Z");
    private static final Instant STORAGE_FIX = Instant.parse("2024-05-14T14:00:00Z");
    private static final Instant API_FIX = Instant.parse("2024-05-14T14:01:00Z");
    private static final Instant QUEUE_FIX = Instant.parse("2024-05-14T14:02:00Z");
    private static final Duration DECISION_DELAY = Duration.ofMinutes(2);
    private static final long SHUFFLE_SEED = 19;

    private static final IncidentAlerts STORAGE =
            IncidentAlerts.of("storage", List.of("us-east"), STORAGE_ONSET);
    private static final IncidentAlerts API =
            IncidentAlerts.of("api", List.of("us-east"), API_ONSET);
    private static final IncidentAlerts QUEUE =
            IncidentAlerts.of("queue", List.of("us-east"), QUEUE_ONSET);
    private static final IncidentAlerts EU_CHAT =
            IncidentAlerts.of("chat", List.of("eu-west"), API_ONSET);

    /** Three services failing in us-east and one in eu-west, each alert at its decision time. */
    private static final List<Alert> REGION_FAILS =
            List.of(
                    STORAGE.started(decided(STORAGE_ONSET)),
                    API.started(decided(API_ONSET)),
                    EU_CHAT.started(decided(API_ONSET)),
                    QUEUE.started(decided(QUEUE_ONSET)),
                    STORAGE.updated(2, decided(QUEUE_ONSET)),
                    EU_CHAT.recovered(2, API_FIX, decided(API_FIX)),
                    STORAGE.recovered(3, STORAGE_FIX, decided(STORAGE_FIX)),
                    API.recovered(2, API_FIX, decided(API_FIX)),
                    QUEUE.recovered(2, QUEUE_FIX, decided(QUEUE_FIX)));

    @Test
    void eachLaterAlertNamesTheOthersFailingInTheSameRegion() throws Exception {
        List<Alert> out = linkedInArrivalOrder(REGION_FAILS);

        assertThat(out).hasSize(REGION_FAILS.size());
        assertThat(relatedOf(out, "storage", 1)).isEmpty();
        assertThat(relatedOf(out, "api", 1)).containsExactly("storage");
        assertThat(relatedOf(out, "queue", 1)).containsExactly("storage", "api");
        assertThat(relatedOf(out, "storage", 2)).containsExactly("api", "queue");
        assertThat(relatedOf(out, "storage", 3)).containsExactly("api", "queue");
        assertThat(relatedOf(out, "api", 2)).containsExactly("storage", "queue");
        assertThat(relatedOf(out, "queue", 2)).containsExactly("storage", "api");
    }

    @Test
    void aServiceFailingInAnotherRegionIsNotRelated() throws Exception {
        List<Alert> out = linkedInArrivalOrder(REGION_FAILS);

        assertThat(relatedOf(out, "chat", 1)).isEmpty();
        assertThat(relatedOf(out, "chat", 2)).isEmpty();
        assertThat(out)
                .flatExtracting(Alert::related)
                .extracting(RelatedIncident::service)
                .doesNotContain("chat");
    }

    @Test
    void shuffledArrivalGivesByteIdenticalAlerts() throws Exception {
        List<String> inOrder = json(linkedInArrivalOrder(REGION_FAILS));

        for (int round = 0; round < 5; round++) {
            List<Alert> shuffled = new ArrayList<>(REGION_FAILS);
            Collections.shuffle(shuffled, new Random(SHUFFLE_SEED + round));

            assertThat(json(linkedAllAtOnce(shuffled))).isEqualTo(inOrder);
        }
    }

    @Test
    void anAlertWaitsForTheWatermarkToPassItsDecisionTime() throws Exception {
        try (var harness = harness()) {
            Alert started = STORAGE.started(decided(STORAGE_ONSET));
            harness.processElement(started, IncidentAlerts.decidedAt(started));
            harness.processWatermark(new Watermark(IncidentAlerts.decidedAt(started) - 1));

            assertThat(harness.extractOutputValues()).isEmpty();

            harness.processWatermark(new Watermark(IncidentAlerts.decidedAt(started)));

            assertThat(harness.extractOutputValues()).containsExactly(started);
        }
    }

    @Test
    void stateAndTimersReturnToZeroOnceTheRecoveredAreForgotten() throws Exception {
        try (var harness = harness()) {
            feedWithWatermarks(harness, REGION_FAILS);
            assertThat(harness.numKeyedStateEntries()).isPositive();

            Instant allForgotten = QUEUE_FIX.plus(IncidentLinker.RECOVERED_KEPT_FOR);
            harness.processWatermark(new Watermark(allForgotten.toEpochMilli()));

            assertThat(harness.numKeyedStateEntries()).isZero();
            assertThat(harness.numEventTimeTimers()).isZero();
        }
    }

    @Test
    void aRestoredOperatorLinksAsTheOriginalWould() throws Exception {
        List<Alert> first = REGION_FAILS.subList(0, 3);
        List<Alert> rest = REGION_FAILS.subList(3, REGION_FAILS.size());
        OperatorSubtaskState snapshot;
        List<Alert> out = new ArrayList<>();
        try (var harness = harness()) {
            feedWithWatermarks(harness, first);
            out.addAll(harness.extractOutputValues());
            snapshot = harness.snapshot(1, 1);
        }
        try (var restored = unopened()) {
            restored.initializeState(snapshot);
            restored.open();
            feedWithWatermarks(restored, rest);
            out.addAll(restored.extractOutputValues());
        }

        assertThat(json(out)).isEqualTo(json(linkedInArrivalOrder(REGION_FAILS)));
    }

    /**
     * The alerts of each decision time, then the watermark up to it, as one detector subtask sends
     * them.
     */
    private static List<Alert> linkedInArrivalOrder(List<Alert> alerts) throws Exception {
        try (var harness = harness()) {
            feedWithWatermarks(harness, alerts);
            harness.processWatermark(new Watermark(Long.MAX_VALUE));
            return harness.extractOutputValues();
        }
    }

    /** Every alert first, in the order given, then one watermark that passes them all. */
    private static List<Alert> linkedAllAtOnce(List<Alert> alerts) throws Exception {
        try (var harness = harness()) {
            for (Alert alert : alerts) {
                harness.processElement(new StreamRecord<>(alert, IncidentAlerts.decidedAt(alert)));
            }
            harness.processWatermark(new Watermark(Long.MAX_VALUE));
            return harness.extractOutputValues();
        }
    }

    private static void feedWithWatermarks(
            KeyedOneInputStreamOperatorTestHarness<String, Alert, Alert> harness,
            List<Alert> alerts)
            throws Exception {
        List<Alert> sorted = new ArrayList<>(alerts);
        sorted.sort(Comparator.comparingLong(IncidentAlerts::decidedAt));
        for (int i = 0; i < sorted.size(); i++) {
            long decidedAt = IncidentAlerts.decidedAt(sorted.get(i));
            harness.processElement(sorted.get(i), decidedAt);
            boolean lastOfItsTime =
                    i + 1 == sorted.size()
                            || IncidentAlerts.decidedAt(sorted.get(i + 1)) != decidedAt;
            if (lastOfItsTime) {
                harness.processWatermark(new Watermark(decidedAt));
            }
        }
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, Alert, Alert> harness()
            throws Exception {
        var harness = unopened();
        harness.open();
        return harness;
    }

    /** With {@code pipeline.generic-types: false}, so state that fell back to Kryo would fail. */
    private static KeyedOneInputStreamOperatorTestHarness<String, Alert, Alert> unopened()
            throws Exception {
        var harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(
                                new RelatedIncidents(IncidentLinker.DEFAULT_CAPACITY)),
                        RelatedIncidents::key,
                        Types.STRING);
        Configuration noGenericTypes = new Configuration();
        noGenericTypes.set(PipelineOptions.GENERIC_TYPES, false);
        harness.getExecutionConfig()
                .configure(noGenericTypes, RelatedIncidentsHarnessTest.class.getClassLoader());
        return harness;
    }

    private static Instant decided(Instant onset) {
        return onset.plus(DECISION_DELAY);
    }

    private static List<String> relatedOf(List<Alert> alerts, String service, int version) {
        return alerts.stream()
                .filter(alert -> alert.service().equals(service) && alert.version() == version)
                .findFirst()
                .orElseThrow()
                .related()
                .stream()
                .map(RelatedIncident::service)
                .toList();
    }

    private static List<String> json(List<Alert> alerts) {
        return alerts.stream().map(AlertSerde.INSTANCE::toJson).toList();
    }
}
