package io.outagewatch.detection.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class BytesCodecTest {

    private static final ClassLoader LOADER = BytesCodecTest.class.getClassLoader();

    /** Shaped like detector state: nested objects, a map, an array of learned values. */
    record Slot(double mean, double variance, long updates) implements Serializable {}

    record Baselines(String service, TreeMap<String, Slot> vantages, List<Slot> hours)
            implements Serializable {}

    private static Baselines baselines() {
        TreeMap<String, Slot> vantages = new TreeMap<>();
        vantages.put("us-east-1a", new Slot(0.01, 0.001, 1440));
        vantages.put("eu-west-1b", new Slot(0.02, 0.002, 1439));
        List<Slot> hours = new ArrayList<>();
        for (int hour = 0; hour < 168; hour++) {
            hours.add(new Slot(hour % 24, 1.0, 0));
        }
        return new Baselines("chatgpt", vantages, hours);
    }

    @Test
    void deflatedJavaSerializationRoundTripsInAFractionOfTheBytes() throws Exception {
        BytesCodec<Baselines> plain = BytesCodec.javaSerialization();
        BytesCodec<Baselines> deflated = BytesCodec.deflatedJavaSerialization();

        byte[] plainBytes = plain.encode(baselines());
        byte[] deflatedBytes = deflated.encode(baselines());

        assertThat(deflated.decode(deflatedBytes, LOADER)).isEqualTo(baselines());
        assertThat(deflatedBytes.length).isLessThan(plainBytes.length / 2);
    }

    @Test
    void deflatedCodecReadsStateWrittenBeforeItByPlainJavaSerialization() throws Exception {
        byte[] savepointBytes = BytesCodec.<Baselines>javaSerialization().encode(baselines());

        Baselines restored =
                BytesCodec.<Baselines>deflatedJavaSerialization().decode(savepointBytes, LOADER);

        assertThat(restored).isEqualTo(baselines());
    }
}
