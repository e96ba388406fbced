package io.outagewatch.detection.kafka;

import io.outagewatch.detection.records.RawRecord;
import io.outagewatch.events.EventSerde;
import io.outagewatch.events.Parsed;
import java.time.Instant;
import java.util.Objects;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.flink.util.function.SerializableFunction;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Hands Kafka records to the pipeline unparsed, with {@code topic-partition-offset} as origin;
 * parsing happens in the pipeline so that bad records become dead letters, not source failures.
 *
 * <p>It does learn each record's event time, by parsing it with the topic's serde, so that the
 * source can keep a watermark per partition ({@code EventTimeWatermarks.forKafkaSources}); a record
 * that does not parse, or is dated further ahead of its Kafka timestamp than the {@link
 * WriteTimeBound} allows, gets none and cannot move a watermark. Each record carries its Kafka
 * timestamp, so the parser can dead-letter the second kind.
 */
public final class RawRecordDeserializer<T> implements KafkaRecordDeserializationSchema<RawRecord> {

    private static final long serialVersionUID = 1L;
    private static final byte[] NO_VALUE = new byte[0];

    private final EventSerde<T> serde;
    private final SerializableFunction<T, Instant> eventTime;
    private final WriteTimeBound writeTimeBound;

    /**
     * @param serde the topic's serde, the one the pipeline parses with
     * @param eventTime the event time of a parsed record
     * @param writeTimeBound how far an event time may be ahead of the record's Kafka timestamp
     */
    public RawRecordDeserializer(
            EventSerde<T> serde,
            SerializableFunction<T, Instant> eventTime,
            WriteTimeBound writeTimeBound) {
        this.serde = Objects.requireNonNull(serde, "serde");
        this.eventTime = Objects.requireNonNull(eventTime, "eventTime");
        this.writeTimeBound = Objects.requireNonNull(writeTimeBound, "writeTimeBound");
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<RawRecord> out) {
        String origin = record.topic() + "-" + record.partition() + "-" + record.offset();
        byte[] payload = record.value() == null ? NO_VALUE : record.value();
        long writeTimeMillis = WriteTimeBound.writeTimeOf(record.timestamp());
        long eventTimeMillis = RawRecord.UNKNOWN_EVENT_TIME;
        if (serde.parse(payload) instanceof Parsed.Ok<T> ok) {
            long parsed = eventTime.apply(ok.value()).toEpochMilli();
            if (writeTimeBound.allows(parsed, writeTimeMillis)) {
                eventTimeMillis = parsed;
            }
        }
        out.collect(new RawRecord(origin, payload, eventTimeMillis, writeTimeMillis));
    }

    @Override
    public TypeInformation<RawRecord> getProducedType() {
        return TypeInformation.of(RawRecord.class);
    }
}
