package io.outagewatch.detection.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.outagewatch.detection.PipelineTags;
import io.outagewatch.detection.kafka.WriteTimeBound;
import io.outagewatch.detection.records.RawRecord;
import io.outagewatch.events.DeadLetter;
import io.outagewatch.events.ProbeResult;
import io.outagewatch.events.ProbeResultSerde;
import io.outagewatch.events.Timestamps;
import io.outagewatch.events.Topics;
import java.time.Duration;
import java.time.Instant;
import org.apache.flink.streaming.api.operators.ProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class ParseAndLatenessTest {

    private static final Instant AT = Instant.parse("2023-11-08T13:42:00Z");
    private static final ProbeResult PROBE =
            new ProbeResult("chatgpt", "eu-1", "eu", null, AT, true, 120.0, 200, null);

    private static final WriteTimeBound AN_HOUR_AHEAD = new WriteTimeBound(Duration.ofHours(1));

    private final CapturedMetrics metrics = new CapturedMetrics();

    private OneInputStreamOperatorTestHarness<RawRecord, ProbeResult> parseHarness()
            throws Exception {
        return new OneInputStreamOperatorTestHarness<>(
                new ProcessOperator<>(
                        new ParseFunction<>(
                                Topics.PROBE_RESULTS,
                                ProbeResultSerde.INSTANCE,
                                (probe, writeTime) -> probe.timestamp().toEpochMilli(),
                                AN_HOUR_AHEAD,
                                Timestamps.EARLIEST)),
                metrics.environment());
    }

    @Test
    void aValidRecordDatedTooFarAheadOfItsKafkaTimestampIsDeadLettered() throws Exception {
        var h = parseHarness();
        h.open();
        byte[] payload = ProbeResultSerde.INSTANCE.toBytes(PROBE);
        long writtenJustInTime = AT.minus(Duration.ofHours(1)).toEpochMilli();
        long writtenTooEarly = writtenJustInTime - 1;
        long writtenLater = AT.plus(Duration.ofDays(400)).toEpochMilli();
        long unknown = RawRecord.UNKNOWN_EVENT_TIME;

        h.processElement(new RawRecord("p-0-1", payload, unknown, writtenJustInTime), 0);
        h.processElement(new RawRecord("p-0-2", payload, unknown, writtenTooEarly), 0);
        h.processElement(new RawRecord("p-0-3", payload, unknown, writtenLater), 0);
        h.processElement(new RawRecord("probes.jsonl:4", payload), 0);

        assertThat(h.extractOutputValues()).containsExactly(PROBE, PROBE, PROBE);
        assertThat(h.getSideOutput(PipelineTags.DEAD_LETTERS))
                .extracting(StreamRecord::getValue)
                .singleElement()
                .satisfies(
                        letter -> {
                            assertThat(letter.origin()).isEqualTo("p-0-2");
                            assertThat(letter.reason())
                                    .startsWith(
                                            WriteTimeBound.REASON + ": event time is PT1H0.001S")
                                    .contains("PT1H allowed");
                            assertThat(letter.raw())
                                    .isEqualTo(ProbeResultSerde.INSTANCE.toJson(PROBE));
                        });
        assertThat(
                        metrics.counter(
                                "outagewatch.reason.deadLetters", "reason", WriteTimeBound.REASON))
                .contains(1L);
        h.close();
    }

    @Test
    void invalidRecordsBecomeDeadLettersWithTheSerdesReasonAndValidOnesPass() throws Exception {
        var h = parseHarness();
        h.open();
        h.processElement(
                RawRecord.of("probes.jsonl:1", ProbeResultSerde.INSTANCE.toJson(PROBE)), 0);
        h.processElement(RawRecord.of("probes.jsonl:2", "{\"service\":"), AT.toEpochMilli());
        h.processElement(new RawRecord("probes.jsonl:3", new byte[] {'"', (byte) 0xC3, '"'}), 0);

        assertThat(h.extractOutputValues()).containsExactly(PROBE);
        assertThat(h.getSideOutput(PipelineTags.DEAD_LETTERS))
                .extracting(StreamRecord::getValue)
                .extracting(
                        DeadLetter::origin, d -> d.reason().split(":")[0], DeadLetter::timestamp)
                .containsExactly(
                        tuple("probes.jsonl:2", "malformed_json", AT),
                        tuple("probes.jsonl:3", "invalid_utf8", Timestamps.EARLIEST));
        assertThat(metrics.counter("outagewatch.topic.recordsIn", "topic", Topics.PROBE_RESULTS))
                .contains(3L);
        assertThat(metrics.counter("outagewatch.reason.deadLetters", "reason", "malformed_json"))
                .contains(1L);
        assertThat(metrics.counter("outagewatch.reason.deadLetters", "reason", "invalid_utf8"))
                .contains(1L);
        h.close();
    }

    @Test
    void recordsBehindTheWatermarkAreDeadLetteredAsLate() throws Exception {
        var h =
                new OneInputStreamOperatorTestHarness<>(
                        new ProcessOperator<>(
                                new LateRecordSplitter<>(
                                        Topics.PROBE_RESULTS, ProbeResultSerde.INSTANCE)),
                        metrics.environment());
        h.open();
        h.processElement(PROBE, AT.toEpochMilli());
        h.processWatermark(new Watermark(AT.plusSeconds(45).toEpochMilli()));
        h.processElement(PROBE, AT.toEpochMilli());

        assertThat(h.extractOutputValues()).containsExactly(PROBE);
        assertThat(h.getSideOutput(PipelineTags.DEAD_LETTERS))
                .singleElement()
                .extracting(StreamRecord::getValue)
                .satisfies(
                        d -> {
                            assertThat(d.reason()).startsWith("late: ").contains("45 s behind");
                            assertThat(d.origin()).isEqualTo(Topics.PROBE_RESULTS);
                            assertThat(d.raw()).isEqualTo(ProbeResultSerde.INSTANCE.toJson(PROBE));
                        });
        assertThat(metrics.counter("outagewatch.topic.lateRecords", "topic", Topics.PROBE_RESULTS))
                .contains(1L);
        assertThat(metrics.counter("outagewatch.reason.deadLetters", "reason", "late"))
                .contains(1L);
        h.close();
    }
}
