package io.outagewatch.detection.records;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SerializerTestBase;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.junit.jupiter.api.Test;

/** Flink's own serializer checks (copies, snapshots, restore, concurrency) over varied probes. */
class ProbeSerializerTest extends SerializerTestBase<Probe> {

    @Override
    protected TypeSerializer<Probe> createSerializer() {
        return ProbeSerializer.INSTANCE;
    }

    @Override
    protected int getLength() {
        return -1;
    }

    @Override
    protected Class<Probe> getTypeClass() {
        return Probe.class;
    }

    @Override
    protected Probe[] getTestData() {
        return new Probe[] {
            new Probe(
                    "chatgpt",
                    "aws-us-east-1",
                    "us-east",
                    1_699_450_920_000L,
                    true,
                    182.5,
                    false,
                    42L,
                    0),
            new Probe(
                    "chatgpt",
                    "gcp-eu-west",
                    "eu-west",
                    1_699_450_921_000L,
                    false,
                    Double.NaN,
                    true,
                    -7L,
                    -1500),
            new Probe(
                    "github",
                    "ovh-ap-south",
                    null,
                    0L,
                    false,
                    Double.NaN,
                    false,
                    Long.MIN_VALUE,
                    Long.MAX_VALUE),
            new Probe(
                    "ünïcode-svc",
                    "vantage-日本",
                    "ap-northeast",
                    -1L,
                    true,
                    0.0,
                    false,
                    Long.MAX_VALUE,
                    3_000_000L)
        };
    }

    @Test
    void typeExtractionFindsTheHandWrittenSerializer() {
        TypeInformation<Probe> type = TypeInformation.of(Probe.class);
        assertThat(type).isInstanceOf(HandWrittenTypeInfo.class);
        assertThat(type.createSerializer(new SerializerConfigImpl()))
                .isSameAs(ProbeSerializer.INSTANCE);
    }
}
