package io.outagewatch.detection.windows;

import static org.assertj.core.api.Assertions.assertThat;

import io.outagewatch.detection.records.ProbeMinute;
import io.outagewatch.detection.records.ServiceMinute;
import io.outagewatch.detection.records.ServiceSignal;
import io.outagewatch.detection.reports.Complaint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ServiceMinuteTallyTest {

    private static final Instant MINUTE = Instant.parse("2023-11-08T13:42:00Z");

    private static ServiceSignal probeMinute(
            String vantage, int failures, double[] latencies, boolean broken) {
        return ServiceSignal.of(
                new ProbeMinute(
                        "chatgpt",
                        vantage,
                        vantage.substring(0, 2),
                        MINUTE,
                        2,
                        failures,
                        0,
                        latencies,
                        broken));
    }

    private static ServiceSignal complaint(String region, String author) {
        return ServiceSignal.of(new Complaint("chatgpt", region, author, MINUTE.plusSeconds(10)));
    }

    private static ServiceMinute tallied(List<ServiceSignal> signals) {
        ServiceMinuteTally tally = new ServiceMinuteTally();
        signals.forEach(tally::add);
        return tally.toMinute("chatgpt", MINUTE);
    }

    /**
     * Every prober losing its network at once looks like every service failing from every vantage;
     * the probes cannot tell which, so they give no evidence and the complaints decide.
     */
    @Test
    void whenEveryVantageIsBrokenTheMinuteHasNoProbeData() {
        List<ServiceSignal> signals = new ArrayList<>();
        for (String vantage : List.of("eu-1", "eu-2", "us-1", "ap-1")) {
            signals.add(probeMinute(vantage, 2, new double[0], true));
        }

        ServiceMinute minute = tallied(signals);

        assertThat(minute.vantages()).isEmpty();
        assertThat(minute.excludedVantages()).containsExactly("ap-1", "eu-1", "eu-2", "us-1");
        assertThat(minute.probes()).isZero();
        assertThat(minute.latencyP95Ms()).isNaN();
    }

    @Test
    void countsEachAuthorOnceAndLeavesBrokenVantagesOut() {
        List<ServiceSignal> signals = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            signals.add(complaint("eu", "spammer"));
        }
        signals.add(complaint("us", "someone"));
        signals.add(complaint(null, "somewhere"));
        for (String vantage : List.of("eu-1", "eu-2", "us-1")) {
            signals.add(probeMinute(vantage, 0, new double[] {100, 200}, false));
        }
        signals.add(probeMinute("ap-1", 2, new double[0], true));

        ServiceMinute minute = tallied(signals);

        assertThat(minute.complaints()).isEqualTo(3);
        assertThat(minute.complaintsByRegion()).containsOnly(entry("eu", 1), entry("us", 1));
        assertThat(minute.authorHashes())
                .containsExactly(
                        AuthorSample.of(
                                List.of("spammer", "someone", "somewhere"),
                                ServiceMinute.AUTHOR_SAMPLE));
        assertThat(minute.vantages()).containsOnlyKeys("eu-1", "eu-2", "us-1");
        assertThat(minute.excludedVantages()).containsExactly("ap-1");
        assertThat(minute.latencySamples()).isEqualTo(6);
        assertThat(minute.latencyP95Ms()).isEqualTo(200.0);
        assertThat(minute.failures()).isZero();
    }

    /** Signals reach the tally in whatever order the shuffle gives; the minute is the same. */
    @Test
    void theMinuteDoesNotDependOnTheOrderSignalsArrive() {
        List<ServiceSignal> signals = new ArrayList<>();
        for (int v = 0; v < 12; v++) {
            String vantage = (v % 2 == 0 ? "eu-" : "us-") + v;
            signals.add(probeMinute(vantage, v % 3, new double[] {100 + v, 300 - v}, v == 5));
        }
        for (int a = 0; a < 40; a++) {
            signals.add(complaint(a % 4 == 0 ? null : "eu", "did:plc:user-" + a));
        }
        ServiceMinute inOrder = tallied(signals);

        Random random = new Random(20231108);
        for (int round = 0; round < 20; round++) {
            List<ServiceSignal> shuffled = new ArrayList<>(signals);
            Collections.shuffle(shuffled, random);
            assertThat(tallied(shuffled)).isEqualTo(inOrder);
        }
        assertThat(inOrder.complaints()).isEqualTo(40);
        assertThat(inOrder.authorHashes()).hasSize(ServiceMinute.AUTHOR_SAMPLE);
        assertThat(inOrder.excludedVantages()).containsExactly("us-5");
    }

    private static java.util.Map.Entry<String, Integer> entry(String key, int value) {
        return java.util.Map.entry(key, value);
    }
}
