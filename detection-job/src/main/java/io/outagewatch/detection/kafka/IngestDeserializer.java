package io.outagewatch.detection.kafka;

import io.outagewatch.detection.ingest.EdgeParser;
import io.outagewatch.events.DeadLetter;
import java.util.Objects;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.types.Either;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Parses each Kafka record once, in the source: the valid record, or its dead letter with {@code
 * topic-partition-offset} as origin. A bad record never fails the source; it flows on as a dead
 * letter and is split off right after it.
 */
public final class IngestDeserializer<T>
        implements KafkaRecordDeserializationSchema<Either<DeadLetter, T>> {

    private static final long serialVersionUID = 1L;
    private static final byte[] NO_VALUE = new byte[0];

    private final EdgeParser<T> parser;

    public IngestDeserializer(EdgeParser<T> parser) {
        this.parser = Objects.requireNonNull(parser, "parser");
    }

    @Override
    public void deserialize(
            ConsumerRecord<byte[], byte[]> record, Collector<Either<DeadLetter, T>> out) {
        String origin = record.topic() + "-" + record.partition() + "-" + record.offset();
        byte[] payload = record.value() == null ? NO_VALUE : record.value();
        out.collect(parser.parse(origin, payload, WriteTimeBound.writeTimeOf(record.timestamp())));
    }

    @Override
    public TypeInformation<Either<DeadLetter, T>> getProducedType() {
        return parser.ingestedType();
    }
}
