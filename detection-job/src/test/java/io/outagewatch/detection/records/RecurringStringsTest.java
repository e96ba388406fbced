package io.outagewatch.detection.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.types.StringValue;
import org.junit.jupiter.api.Test;

class RecurringStringsTest {

    private static byte[] written(String... values) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        for (String value : values) {
            StringValue.writeString(value, out);
        }
        return out.getCopyOfBuffer();
    }

    private static List<String> readAll(byte[] bytes, int count) throws IOException {
        DataInputDeserializer in = new DataInputDeserializer(bytes);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            values.add(RecurringStrings.read(in));
        }
        assertThat(in.available()).as("every byte read, no more").isZero();
        return values;
    }

    private static String random(SplittableRandom random, int length, int maxChar) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) random.nextInt(1, maxChar));
        }
        return text.toString();
    }

    @Test
    void readsWhatStringValueWritesWhateverTheCharactersAndLength() throws IOException {
        String[] values = {
            "bench-vantage-01",
            "",
            null,
            "ü東京\uD834\uDD1E",
            "x".repeat(RecurringStrings.MAX_CACHED_LENGTH + 1),
            "y".repeat(200),
            "z".repeat(70_000)
        };

        assertThat(readAll(written(values), values.length)).containsExactly(values);
    }

    @Test
    void aRecurringShortValueIsOneInstanceAndALongOneIsNot() throws IOException {
        String name = "eu-west-vantage-" + System.identityHashCode(this);
        String text = "t".repeat(RecurringStrings.MAX_CACHED_LENGTH + 1);

        List<String> read = readAll(written(name, name, text, text), 4);

        assertThat(read.get(0)).isEqualTo(name).isSameAs(read.get(1));
        assertThat(read.get(2)).isEqualTo(text).isNotSameAs(read.get(3));
    }

    /**
     * Far more distinct values than slots, with every kind of character: each reads back as it was.
     */
    @Test
    void collidingValuesNeverReadAsEachOther() throws IOException {
        SplittableRandom random = new SplittableRandom(20231108);
        for (int round = 0; round < 20; round++) {
            String[] values = new String[RecurringStrings.SLOTS * 2];
            for (int i = 0; i < values.length; i++) {
                // Short values from a small alphabet collide in hash and slot often.
                values[i] =
                        i % 3 == 0
                                ? random(random, random.nextInt(1, 4), 'd')
                                : random(random, random.nextInt(0, 40), Character.MAX_VALUE);
            }
            assertThat(readAll(written(values), values.length)).containsExactly(values);
        }
    }

    /** Task threads share the cache without locks: a race may cost a miss, never a wrong value. */
    @Test
    void threadsReadingAtOnceEachGetTheirOwnValues() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                long seed = t;
                results.add(
                        threads.submit(
                                () -> {
                                    SplittableRandom random = new SplittableRandom(seed);
                                    for (int round = 0; round < 50; round++) {
                                        String[] values = new String[512];
                                        for (int i = 0; i < values.length; i++) {
                                            values[i] = "svc-" + random.nextInt(64);
                                        }
                                        if (!readAll(written(values), values.length)
                                                .equals(List.of(values))) {
                                            return false;
                                        }
                                    }
                                    return true;
                                }));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get(60, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
