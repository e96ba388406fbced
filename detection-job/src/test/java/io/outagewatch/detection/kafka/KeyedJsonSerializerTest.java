package io.outagewatch.detection.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.outagewatch.events.DeadLetter;
import io.outagewatch.events.DeadLetterSerde;
import io.outagewatch.events.Parsed;
import io.outagewatch.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class KeyedJsonSerializerTest {

    private static final long EVENT_TIME_IN_2024 =
            Instant.parse("2024-02-21T03:12:00Z").toEpochMilli();

    private static final DeadLetter LETTER =
            new DeadLetter(
                    "probe-results:0:7",
                    "{",
                    "malformed_json: unexpected end",
                    Instant.ofEpochMilli(EVENT_TIME_IN_2024));

    @Test
    void aRecordIsStampedWhenWrittenNotWithItsEventTime() {
        KeyedJsonSerializer<DeadLetter> serializer =
                new KeyedJsonSerializer<>(Topics.DEAD_LETTERS, DeadLetterSerde.INSTANCE, d -> "k");

        ProducerRecord<byte[], byte[]> record =
                serializer.serialize(LETTER, null, EVENT_TIME_IN_2024);

        assertThat(record.timestamp()).isNull();
        assertThat(record.topic()).isEqualTo(Topics.DEAD_LETTERS);
        assertThat(record.partition()).isNull();
        assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("k");
        assertThat(DeadLetterSerde.INSTANCE.parse(record.value()))
                .isEqualTo(new Parsed.Ok<>(LETTER));
    }

    @Test
    void anUnkeyedContractGivesAnUnkeyedRecord() {
        KeyedJsonSerializer<DeadLetter> serializer =
                new KeyedJsonSerializer<>(Topics.DEAD_LETTERS, DeadLetterSerde.INSTANCE, d -> null);

        assertThat(serializer.serialize(LETTER, null, EVENT_TIME_IN_2024).key()).isNull();
    }
}
