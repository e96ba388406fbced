package io.outagewatch.detection;

import static org.assertj.core.api.Assertions.assertThat;

import io.outagewatch.detection.kafka.RawRecordDeserializer;
import io.outagewatch.detection.kafka.WriteTimeBound;
import io.outagewatch.detection.records.RawRecord;
import io.outagewatch.events.ProbeResult;
import io.outagewatch.events.ProbeResultSerde;
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
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

/** Event time in the live job's Kafka sources: read from the record, and only from valid ones. */
class KafkaSourceEventTimeTest {

    private static final Instant EVENT_TIME = Instant.parse("2023-11-08T13:42:00.125Z");
    private static final long KAFKA_TIMESTAMP =
            Instant.parse("2026-11-23T20:00:00Z").toEpochMilli();
    private static final Duration OUT_OF_ORDERNESS = Duration.ofSeconds(30);
    private static final ProbeResult PROBE =
            new ProbeResult("chatgpt", "eu-1", "eu", null, EVENT_TIME, true, 120.0, 200, null);

    private final RawRecordDeserializer<ProbeResult> deserializer =
            new RawRecordDeserializer<>(
                    ProbeResultSerde.INSTANCE,
                    ProbeResult::timestamp,
                    new WriteTimeBound(Duration.ofHours(1)));

    @Test
    void aValidRecordCarriesItsEventTimeAndItsOrigin() throws Exception {
        RawRecord raw = deserialize(ProbeResultSerde.INSTANCE.toBytes(PROBE));

        assertThat(raw.origin()).isEqualTo(Topics.PROBE_RESULTS + "-3-17");
        assertThat(raw.eventTimeMillis()).isEqualTo(EVENT_TIME.toEpochMilli());
        assertThat(raw.payload()).isEqualTo(ProbeResultSerde.INSTANCE.toBytes(PROBE));
    }

    @Test
    void aValidRecordCarriesItsKafkaTimestampAsItsWriteTime() throws Exception {
        RawRecord raw = deserialize(ProbeResultSerde.INSTANCE.toBytes(PROBE), KAFKA_TIMESTAMP);

        assertThat(raw.writeTimeMillis()).isEqualTo(KAFKA_TIMESTAMP);
        assertThat(deserialize(ProbeResultSerde.INSTANCE.toBytes(PROBE)).hasWriteTime()).isFalse();
    }

    @Test
    void aRecordDatedMoreThanTheBoundAheadOfItsKafkaTimestampHasNoEventTime() throws Exception {
        byte[] payload = ProbeResultSerde.INSTANCE.toBytes(PROBE);
        long anHourBefore = EVENT_TIME.minus(Duration.ofHours(1)).toEpochMilli();

        assertThat(deserialize(payload, anHourBefore).eventTimeMillis())
                .isEqualTo(EVENT_TIME.toEpochMilli());
        RawRecord tooFarAhead = deserialize(payload, anHourBefore - 1);
        assertThat(tooFarAhead.hasEventTime()).isFalse();
        assertThat(tooFarAhead.writeTimeMillis()).isEqualTo(anHourBefore - 1);
    }

    @Test
    void aRecordTheSerdeRejectsHasNoEventTimeEvenWithAValidTimestampField() throws Exception {
        String noService =
                "{\"vantage\":\"eu-1\",\"region\":\"eu\",\"timestamp\":\"2023-11-08T13:42:00Z\","
                        + "\"ok\":true}";

        assertThat(deserialize(noService.getBytes(StandardCharsets.UTF_8)).hasEventTime())
                .isFalse();
        assertThat(deserialize(null).payload()).isEmpty();
        assertThat(deserialize(null).hasEventTime()).isFalse();
    }

    @Test
    void theSourceStampsRecordsWithEventTimeAndKeepsKafkasTimestampForTheRest() {
        TimestampAssigner<RawRecord> assigner =
                EventTimeWatermarks.forKafkaSources(OUT_OF_ORDERNESS, Duration.ofMinutes(1))
                        .createTimestampAssigner(null);

        assertThat(
                        assigner.extractTimestamp(
                                new RawRecord(
                                        "p-0-1",
                                        new byte[0],
                                        EVENT_TIME.toEpochMilli(),
                                        KAFKA_TIMESTAMP),
                                KAFKA_TIMESTAMP))
                .isEqualTo(EVENT_TIME.toEpochMilli());
        assertThat(assigner.extractTimestamp(RawRecord.of("p-0-2", "garbage"), KAFKA_TIMESTAMP))
                .isEqualTo(KAFKA_TIMESTAMP);
    }

    @Test
    void recordsWithoutEventTimeNeverMoveTheWatermark() {
        var generator =
                new EventTimeWatermarks.KnownEventTimesOnly(
                        new BoundedOutOfOrdernessWatermarks<>(OUT_OF_ORDERNESS));
        List<Long> watermarks = new ArrayList<>();
        WatermarkOutput output = capturing(watermarks);

        generator.onEvent(
                new RawRecord("p-0-1", new byte[0], EVENT_TIME.toEpochMilli(), KAFKA_TIMESTAMP),
                EVENT_TIME.toEpochMilli(),
                output);
        generator.onEvent(RawRecord.of("p-0-2", "garbage"), KAFKA_TIMESTAMP, output);
        generator.onPeriodicEmit(output);

        assertThat(watermarks)
                .containsExactly(EVENT_TIME.minus(OUT_OF_ORDERNESS).toEpochMilli() - 1);
    }

    private RawRecord deserialize(byte[] value) throws Exception {
        return deserializeRecord(new ConsumerRecord<>(Topics.PROBE_RESULTS, 3, 17, null, value));
    }

    private RawRecord deserialize(byte[] value, long kafkaTimestamp) throws Exception {
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

    private RawRecord deserializeRecord(ConsumerRecord<byte[], byte[]> record) throws Exception {
        List<RawRecord> out = new ArrayList<>();
        deserializer.deserialize(
                record,
                new Collector<>() {
                    @Override
                    public void collect(RawRecord record) {
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
