package io.outagewatch.detection;

import static org.assertj.core.api.Assertions.assertThat;

import io.outagewatch.detection.ingest.EdgeParser;
import io.outagewatch.detection.ingest.Parsers;
import io.outagewatch.detection.kafka.IngestDeserializer;
import io.outagewatch.detection.kafka.WriteTimeBound;
import io.outagewatch.events.DeadLetter;
import io.outagewatch.events.ProbeResult;
import io.outagewatch.events.ProbeResultSerde;
import io.outagewatch.events.Timestamps;
import io.outagewatch.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.flink.api.common.eventtime.BoundedOutOfOrdernessWatermarks;
import org.apache.flink.api.common.eventtime.TimestampAssigner;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.types.Either;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

/** The live job's Kafka sources: each record parsed once, event time only from valid ones. */
class KafkaSourceEventTimeTest {

    private static final Instant EVENT_TIME = Instant.parse("2023-11-08T13:42:00.125Z");
    private static final long KAFKA_TIMESTAMP =
            Instant.parse("2026-11-23T20:00:00Z").toEpochMilli();
    private static final Duration OUT_OF_ORDERNESS = Duration.ofSeconds(30);
    private static final ProbeResult PROBE =
            new ProbeResult("chatgpt", "eu-1", "eu", null, EVENT_TIME, true, 120.0, 200, null);

    private final EdgeParser<ProbeResult> parser =
            Parsers.of(new WriteTimeBound(Duration.ofHours(1)), Timestamps.EARLIEST).probes();
    private final IngestDeserializer<ProbeResult> deserializer = new IngestDeserializer<>(parser);

    @Test
    void aValidRecordArrivesParsed() throws Exception {
        Either<DeadLetter, ProbeResult> record =
                deserialize(ProbeResultSerde.INSTANCE.toBytes(PROBE), KAFKA_TIMESTAMP);

        assertThat(record.isRight()).isTrue();
        assertThat(record.right()).isEqualTo(PROBE);
    }

    @Test
    void aRecordDatedMoreThanTheBoundAheadOfItsKafkaTimestampIsADeadLetter() throws Exception {
        byte[] payload = ProbeResultSerde.INSTANCE.toBytes(PROBE);
        long anHourBefore = EVENT_TIME.minus(Duration.ofHours(1)).toEpochMilli();

        assertThat(deserialize(payload, anHourBefore).right()).isEqualTo(PROBE);
        DeadLetter tooFarAhead = deserialize(payload, anHourBefore - 1).left();
        assertThat(tooFarAhead.origin()).isEqualTo(Topics.PROBE_RESULTS + "-3-17");
        assertThat(tooFarAhead.reason())
                .startsWith(WriteTimeBound.REASON + ": event time is PT1H0.001S")
                .contains("PT1H allowed");
        assertThat(tooFarAhead.raw()).isEqualTo(ProbeResultSerde.INSTANCE.toJson(PROBE));
        assertThat(tooFarAhead.timestamp()).isEqualTo(Instant.ofEpochMilli(anHourBefore - 1));
    }

    @Test
    void aRecordTheSerdeRejectsIsADeadLetterWithItsOriginAndKafkaTimestamp() throws Exception {
        String noService =
                "{\"vantage\":\"eu-1\",\"region\":\"eu\",\"timestamp\":\"2023-11-08T13:42:00Z\","
                        + "\"ok\":true}";

        DeadLetter letter =
                deserialize(noService.getBytes(StandardCharsets.UTF_8), KAFKA_TIMESTAMP).left();
        assertThat(letter.origin()).isEqualTo(Topics.PROBE_RESULTS + "-3-17");
        assertThat(letter.raw()).isEqualTo(noService);
        assertThat(letter.timestamp()).isEqualTo(Instant.ofEpochMilli(KAFKA_TIMESTAMP));
        DeadLetter tombstone = deserialize(null).left();
        assertThat(tombstone.raw()).isEmpty();
        assertThat(tombstone.timestamp()).isEqualTo(Timestamps.EARLIEST);
    }

    @Test
    void theSourceStampsValidRecordsWithEventTimeAndDeadLettersWithKafkasTimestamp()
            throws Exception {
        TimestampAssigner<Either<DeadLetter, ProbeResult>> assigner =
                EventTimeWatermarks.forKafkaSources(
                                DetectionSettings.from(
                                        new Configuration(),
                                        EventTimeWatermarks.Emission.PER_PARTITION_AT_SOURCE,
                                        Timestamps.EARLIEST),
                                "test",
                                parser,
                                false)
                        .createTimestampAssigner(null);

        assertThat(assigner.extractTimestamp(Either.Right(PROBE), KAFKA_TIMESTAMP))
                .isEqualTo(EVENT_TIME.toEpochMilli());
        assertThat(
                        assigner.extractTimestamp(
                                deserialize("garbage".getBytes(StandardCharsets.UTF_8)),
                                KAFKA_TIMESTAMP))
                .isEqualTo(KAFKA_TIMESTAMP);
    }

    @Test
    void deadLettersNeverMoveTheWatermark() throws Exception {
        WatermarkGenerator<Either<DeadLetter, ProbeResult>> generator =
                new EventTimeWatermarks.ValidRecordsOnly<>(
                        new BoundedOutOfOrdernessWatermarks<>(OUT_OF_ORDERNESS));
        List<Long> watermarks = new ArrayList<>();
        WatermarkOutput output = capturing(watermarks);

        generator.onEvent(Either.Right(PROBE), EVENT_TIME.toEpochMilli(), output);
        generator.onEvent(
                deserialize("garbage".getBytes(StandardCharsets.UTF_8)), KAFKA_TIMESTAMP, output);
        generator.onPeriodicEmit(output);

        assertThat(watermarks)
                .containsExactly(EVENT_TIME.minus(OUT_OF_ORDERNESS).toEpochMilli() - 1);
    }

    private Either<DeadLetter, ProbeResult> deserialize(byte[] value) throws Exception {
        return deserializeRecord(new ConsumerRecord<>(Topics.PROBE_RESULTS, 3, 17, null, value));
    }

    private Either<DeadLetter, ProbeResult> deserialize(byte[] value, long kafkaTimestamp)
            throws Exception {
        return deserializeRecord(
                new ConsumerRecord<>(
                        Topics.PROBE_RESULTS,
                        3,
                        17,
                        kafkaTimestamp,
                        TimestampType.CREATE_TIME,
                        0,
                        value.length,
                        null,
                        value,
                        new RecordHeaders(),
                        Optional.empty()));
    }

    private Either<DeadLetter, ProbeResult> deserializeRecord(ConsumerRecord<byte[], byte[]> record)
            throws Exception {
        List<Either<DeadLetter, ProbeResult>> out = new ArrayList<>();
        deserializer.deserialize(
                record,
                new Collector<>() {
                    @Override
                    public void collect(Either<DeadLetter, ProbeResult> record) {
                        out.add(record);
                    }

                    @Override
                    public void close() {}
                });
        assertThat(out).hasSize(1);
        return out.get(0);
    }

    private static WatermarkOutput capturing(List<Long> watermarks) {
        return new WatermarkOutput() {
            @Override
            public void emitWatermark(Watermark watermark) {
                watermarks.add(watermark.getTimestamp());
            }

            @Override
            public void markIdle() {}

            @Override
            public void markActive() {}
        };
    }
}
