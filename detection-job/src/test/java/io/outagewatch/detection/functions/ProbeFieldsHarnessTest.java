package io.outagewatch.detection.functions;

import static org.assertj.core.api.Assertions.assertThat;

import io.outagewatch.detection.records.HandWrittenTypeInfo;
import io.outagewatch.detection.records.Probe;
import io.outagewatch.events.ProbeResult;
import java.time.Duration;
import java.time.Instant;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.operators.ProcessOperator;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/** Each probe's lead over the watermark as it enters the job. */
class ProbeFieldsHarnessTest {

    private static final Instant MINUTE = Instant.parse("2023-11-08T13:42:00Z");
    private static final Duration FAST_CLOCK = Duration.ofMinutes(50);

    private static ProbeResult probe(Instant at) {
        return new ProbeResult("chatgpt", "eu-1", "eu", null, at, true, 150.0, 200, null);
    }

    private static OneInputStreamOperatorTestHarness<ProbeResult, Probe> harness()
            throws Exception {
        var h = new OneInputStreamOperatorTestHarness<>(new ProcessOperator<>(new ProbeFields()));
        h.open();
        return h;
    }

    private static Probe arrive(OneInputStreamOperatorTestHarness<ProbeResult, Probe> h, Instant at)
            throws Exception {
        h.processElement(probe(at), at.toEpochMilli());
        var outputs = h.extractOutputValues();
        return outputs.get(outputs.size() - 1);
    }

    @Test
    void aProbeLeadsTheWatermarkByItsEventTimeLessTheWatermark() throws Exception {
        var h = harness();
        h.processWatermark(MINUTE.toEpochMilli());

        assertThat(arrive(h, MINUTE.plusSeconds(20)).leadMillis()).isEqualTo(20_000);
        assertThat(arrive(h, MINUTE.plus(FAST_CLOCK)).leadMillis())
                .isEqualTo(FAST_CLOCK.toMillis());
        assertThat(arrive(h, MINUTE.minusSeconds(3)).leadMillis()).isEqualTo(-3_000);
        h.close();
    }

    @Test
    void beforeTheFirstWatermarkTheLeadIsZeroSoNoClockLooksAhead() throws Exception {
        var h = harness();

        Probe probe = arrive(h, MINUTE.plus(FAST_CLOCK));

        assertThat(probe.leadMillis()).isZero();
        assertThat(probe.service()).isEqualTo("chatgpt");
        assertThat(probe.latencyMs()).isEqualTo(150.0);
        h.close();
    }

    @Test
    void aProbeWithItsLeadTravelsWithItsHandWrittenSerializerNeverKryo() {
        assertThat(TypeInformation.of(Probe.class)).isInstanceOf(HandWrittenTypeInfo.class);
    }
}
