package io.outagewatch.detection.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.outagewatch.detection.PipelineTags;
import io.outagewatch.detection.functions.CapturedMetrics;
import io.outagewatch.detection.kafka.WriteTimeBound;
import io.outagewatch.events.DeadLetter;
import io.outagewatch.events.ProbeResult;
import io.outagewatch.events.ProbeResultSerde;
import io.outagewatch.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.apache.flink.streaming.api.operators.ProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.types.Either;
import org.junit.jupiter.api.Test;

/** Parsing at the edge ({@link EdgeParser}) and the split right after it ({@link IngestRouter}). */
class IngestRouterTest {

    private static final Instant AT = Instant.parse("2023-11-08T13:42:00Z");
    private static final Instant FILE_WRITTEN = Instant.parse("2024-01-01T00:00:00Z");
    private static final ProbeResult PROBE =
            new ProbeResult("chatgpt", "eu-1", "eu", null, AT, true, 120.0, 200, null);

    private final EdgeParser<ProbeResult> parser =
            Parsers.of(new WriteTimeBound(Duration.ofHours(1)), FILE_WRITTEN).probes();
    private final CapturedMetrics metrics = new CapturedMetrics();

    private OneInputStreamOperatorTestHarness<Either<DeadLetter, ProbeResult>, ProbeResult> router()
            throws Exception {
        var harness =
                new OneInputStreamOperatorTestHarness<>(
                        new ProcessOperator<>(new IngestRouter<>(Topics.PROBE_RESULTS, parser)),
                        metrics.environment());
        harness.open();
        return harness;
    }

    private Either<DeadLetter, ProbeResult> line(int number, String text) {
        return parser.parse(
                "probes.jsonl:" + number,
                text.getBytes(StandardCharsets.UTF_8),
                EdgeParser.UNKNOWN_WRITE_TIME);
    }

    @Test
    void theWriteTimeBoundAppliesToKafkaRecordsOnly() {
        byte[] payload = ProbeResultSerde.INSTANCE.toBytes(PROBE);
        long writtenJustInTime = AT.minus(Duration.ofHours(1)).toEpochMilli();

        assertThat(parser.parse("p-0-1", payload, writtenJustInTime).isRight()).isTrue();
        assertThat(parser.parse("p-0-2", payload, writtenJustInTime - 1).isLeft()).isTrue();
        assertThat(parser.parse("probes.jsonl:1", payload, EdgeParser.UNKNOWN_WRITE_TIME).right())
                .isEqualTo(PROBE);
    }

    @Test
    void deadLettersGoToTheSideOutputWithTheSerdesReasonAndValidRecordsPass() throws Exception {
        var h = router();
        h.processElement(line(1, ProbeResultSerde.INSTANCE.toJson(PROBE)), AT.toEpochMilli());
        h.processElement(line(2, "{\"service\":"), 0);
        h.processElement(
                parser.parse(
                        "probes.jsonl:3",
                        new byte[] {'"', (byte) 0xC3, '"'},
                        EdgeParser.UNKNOWN_WRITE_TIME),
                0);

        assertThat(h.extractOutputValues()).containsExactly(PROBE);
        assertThat(h.getSideOutput(PipelineTags.DEAD_LETTERS))
                .extracting(StreamRecord::getValue)
                .extracting(
                        DeadLetter::origin, d -> d.reason().split(":")[0], DeadLetter::timestamp)
                .containsExactly(
                        tuple("probes.jsonl:2", "malformed_json", FILE_WRITTEN),
                        tuple("probes.jsonl:3", "invalid_utf8", FILE_WRITTEN));
        assertThat(metrics.counter("outagewatch.topic.recordsIn", "topic", Topics.PROBE_RESULTS))
                .contains(3L);
        assertThat(metrics.counter("outagewatch.reason.deadLetters", "reason", "malformed_json"))
                .contains(1L);
        assertThat(metrics.counter("outagewatch.reason.deadLetters", "reason", "invalid_utf8"))
                .contains(1L);
        h.close();
    }

    @Test
    void aRecordDatedTooFarAheadOfItsWriteTimeIsCountedByItsReason() throws Exception {
        var h = router();
        long writtenTooEarly = AT.minus(Duration.ofHours(1)).toEpochMilli() - 1;
        h.processElement(
                parser.parse("p-0-2", ProbeResultSerde.INSTANCE.toBytes(PROBE), writtenTooEarly),
                writtenTooEarly);

        assertThat(h.extractOutputValues()).isEmpty();
        assertThat(
                        metrics.counter(
                                "outagewatch.reason.deadLetters", "reason", WriteTimeBound.REASON))
                .contains(1L);
        h.close();
    }

    @Test
    void recordsBehindTheWatermarkAreDeadLetteredAsLate() throws Exception {
        var h = router();
        h.processElement(Either.Right(PROBE), AT.toEpochMilli());
        h.processWatermark(new Watermark(AT.plusSeconds(45).toEpochMilli()));
        h.processElement(Either.Right(PROBE), AT.toEpochMilli());

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

    @Test
    void reasonCodesAreASmallFixedSet() {
        assertThat(Ingested.reasonCode(DeadLetter.of("o", "", "late: behind", AT)))
                .isEqualTo("late");
        assertThat(Ingested.reasonCode(DeadLetter.of("o", "", "no code here", AT)))
                .isEqualTo(Ingested.OTHER_REASON);
        assertThat(Ingested.reasonCode(DeadLetter.of("o", "", "x".repeat(60) + ": y", AT)))
                .isEqualTo(Ingested.OTHER_REASON);
    }
}
