package io.outagewatch.detection.kafka;

import io.outagewatch.detection.records.RawRecord;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Hands Kafka records to the pipeline unparsed, with {@code topic-partition-offset} as origin;
 * parsing happens in the pipeline so that bad records become dead letters, not source failures.
 */
public final class RawRecordDeserializer implements KafkaRecordDeserializationSchema<RawRecord> {

    private static final long serialVersionUID = 1L;
    private static final byte[] NO_VALUE = new byte[0];

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<RawRecord> out) {
        String origin = record.topic() + "-" + record.partition() + "-" + record.offset();
        out.collect(new RawRecord(origin, record.value() == null ? NO_VALUE : record.value()));
    }

    @Override
    public TypeInformation<RawRecord> getProducedType() {
        return TypeInformation.of(RawRecord.class);
    }
}
