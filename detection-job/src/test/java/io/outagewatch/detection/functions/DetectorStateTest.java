package io.outagewatch.detection.functions;

import static org.assertj.core.api.Assertions.assertThat;

import io.outagewatch.detection.StateSerialization;
import io.outagewatch.detection.assess.VantageRate;
import io.outagewatch.detection.baseline.LatencyStats;
import io.outagewatch.detection.baseline.PooledMinute;
import io.outagewatch.detection.baseline.SeasonalRates;
import io.outagewatch.detection.estimate.ServiceHistory;
import io.outagewatch.detection.incident.IncidentState;
import io.outagewatch.detection.records.ServiceMinute;
import io.outagewatch.detection.records.ServiceSignal;
import io.outagewatch.detection.records.VantageCounts;
import io.outagewatch.detection.windows.ServiceMinuteTally;
import io.outagewatch.events.Alert;
import io.outagewatch.events.AlertType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DetectorStateTest {

    private static final Instant DAY_START = Instant.parse("2024-03-04T00:00:00Z");
    private static final int MINUTES_PER_DAY = 24 * 60;
    private static final Instant OUTAGE_START = DAY_START.plus(Duration.ofHours(12));
    private static final Duration OUTAGE_LENGTH = Duration.ofMinutes(20);
    private static final int VANTAGES = 10;

    /** The budget per (service, region) key at 100,000 keys (issue 15). */
    private static final int MAX_BYTES_PER_SERVICE = 2_048;

    @ParameterizedTest
    @ValueSource(
            classes = {
                IncidentState.class,
                VantageRate.class,
                SeasonalRates.class,
                LatencyStats.class,
                ServiceHistory.class,
                PooledMinute.class
            })
    void everyPieceIsAFlinkPojoWithNothingLeftToKryo(Class<?> type) {
        TypeInformation<?> info = TypeInformation.of(type);

        assertThat(info).isInstanceOf(PojoTypeInfo.class);
        // With generic types disabled, any field that would need Kryo fails to get a serializer.
        assertThat(StateSerialization.serializer(info)).isNotNull();
    }

    @Test
    void theLastDecidedMinuteIsAnInstantFlinkKnows() {
        assertThat(TypeInformation.of(Instant.class)).isEqualTo(Types.INSTANT);
    }

    /**
     * The bytes a service adds to a checkpoint of the heap state backend after a day of minutes
     * from ten vantages, with one twenty-minute outage at noon: every piece of its detector state,
     * keys included. Measured as the difference between snapshots of one and of eleven such
     * services, so what a snapshot holds once (serializer snapshots, key-group offsets) is left
     * out.
     */
    @Test
    void aServiceWatchedForADayWithTenVantagesKeepsUnderTwoKilobytes() throws Exception {
        long one = snapshotBytesAfterADay(1);
        long eleven = snapshotBytesAfterADay(11);

        long perService = (eleven - one) / 10;

        assertThat(perService).isLessThan(MAX_BYTES_PER_SERVICE);
    }

    private static long snapshotBytesAfterADay(int services) throws Exception {
        var harness = DetectorHarness.opened(DetectorHarness.detector());
        for (int m = 0; m < MINUTES_PER_DAY; m++) {
            Instant start = DAY_START.plus(Duration.ofMinutes(m));
            for (int s = 0; s < services; s++) {
                DetectorHarness.add(harness, minute("service-" + s, start, m));
            }
            harness.processBothWatermarks(new Watermark(OutageDetector.minuteDecisionTime(start)));
        }
        assertThat(harness.extractOutputValues())
                .as("one outage per service, over before the day ends")
                .extracting(Alert::type)
                .containsOnly(
                        AlertType.OUTAGE_STARTED,
                        AlertType.OUTAGE_UPDATED,
                        AlertType.OUTAGE_RECOVERED)
                .filteredOn(type -> type == AlertType.OUTAGE_RECOVERED)
                .hasSize(services);
        OperatorSubtaskState snapshot = harness.snapshot(1L, 1L);
        harness.close();
        return snapshot.getStateSize();
    }

    /**
     * Two probes a minute from each vantage, a failure now and then, a p95 of about 180 ms, a
     * complaint every few minutes; every vantage failing and many complaints during the outage.
     */
    private static List<ServiceSignal> minute(String service, Instant start, int index) {
        boolean outage =
                !start.isBefore(OUTAGE_START) && start.isBefore(OUTAGE_START.plus(OUTAGE_LENGTH));
        TreeMap<String, VantageCounts> vantages = new TreeMap<>();
        for (int v = 0; v < VANTAGES; v++) {
            int failures = outage ? 2 : (index + 37 * v) % 500 == 0 ? 1 : 0;
            vantages.put(
                    "vantage-" + v,
                    new VantageCounts(v < VANTAGES / 2 ? "eu" : "us", 2, failures, 0));
        }
        double p95 = 160 + (index * 7) % 40;
        int complaints = outage ? 40 : index % 4 == 0 ? 1 : 0;
        List<String> authors = new ArrayList<>();
        for (int a = 0; a < complaints; a++) {
            authors.add("did:plc:" + service + "-" + index + "-" + a);
        }
        return DetectorHarness.signals(service, start, vantages, p95, 12, authors);
    }

    @Test
    void aMinuteTallyAndAPooledMinuteRoundTripThroughFlinksSerializers() {
        ServiceMinuteTally tally = new ServiceMinuteTally();
        minute("bluesky-app", OUTAGE_START, 0).forEach(tally::add);
        ServiceMinute minute = tally.toMinute("bluesky-app", OUTAGE_START);
        PooledMinute pooled = new PooledMinute(OUTAGE_START, 40, 0.06, minute.authorHashes());

        assertThat(TypeInformation.of(ServiceMinuteTally.class)).isInstanceOf(PojoTypeInfo.class);
        assertThat(minute.authorHashes()).hasSize(ServiceMinute.AUTHOR_SAMPLE);
        assertThat(
                        StateSerialization.copy(tally, ServiceMinuteTally.class)
                                .toMinute("bluesky-app", OUTAGE_START))
                .isEqualTo(minute);
        assertThat(StateSerialization.copy(pooled, PooledMinute.class)).isEqualTo(pooled);
        // At most 8 hashes of 8 bytes, plus the minute, count and expectation.
        assertThat(StateSerialization.bytes(pooled, PooledMinute.class).length).isLessThan(100);
    }

    /** A record restored from a snapshot taken before it had authors reads as having none. */
    @Test
    void aServiceMinuteWithoutItsAuthorSampleHasAnEmptyOne() {
        ServiceMinute before =
                new ServiceMinute(
                        "bluesky-app",
                        OUTAGE_START,
                        new TreeMap<>(),
                        List.of(),
                        Double.NaN,
                        0,
                        3,
                        new TreeMap<>(),
                        null);

        assertThat(before.authorHashes()).isEmpty();
    }
}
