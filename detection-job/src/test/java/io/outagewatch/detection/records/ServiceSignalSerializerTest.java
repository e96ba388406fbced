package io.outagewatch.detection.records;

import static org.assertj.core.api.Assertions.assertThat;

import io.outagewatch.detection.reports.Complaint;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SerializerTestBase;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.testutils.DeeplyEqualsChecker;
import org.junit.jupiter.api.Test;

/** Flink's own serializer checks over probe minutes and complaints of every shape. */
class ServiceSignalSerializerTest extends SerializerTestBase<ServiceSignal> {

    /** {@code ProbeMinute} has an array, which its record equality compares by identity. */
    ServiceSignalSerializerTest() {
        super(
                new DeeplyEqualsChecker()
                        .withCustomCheck(
                                (a, b) -> a instanceof ProbeMinute && b instanceof ProbeMinute,
                                (a, b, checker) ->
                                        sameProbeMinute((ProbeMinute) a, (ProbeMinute) b))
                        .withCustomCheck(
                                (a, b) -> a instanceof ServiceSignal && b instanceof ServiceSignal,
                                (a, b, checker) ->
                                        Objects.equals(
                                                        ((ServiceSignal) a).complaint(),
                                                        ((ServiceSignal) b).complaint())
                                                && checker.deepEquals(
                                                        ((ServiceSignal) a).probeMinute(),
                                                        ((ServiceSignal) b).probeMinute())));
    }

    private static boolean sameProbeMinute(ProbeMinute a, ProbeMinute b) {
        return a.service().equals(b.service())
                && a.vantage().equals(b.vantage())
                && Objects.equals(a.region(), b.region())
                && a.minuteStart().equals(b.minuteStart())
                && a.probes() == b.probes()
                && a.failures() == b.failures()
                && a.timeouts() == b.timeouts()
                && Arrays.equals(a.latenciesMs(), b.latenciesMs())
                && a.vantageBroken() == b.vantageBroken();
    }

    private static final Instant MINUTE = Instant.parse("2023-11-08T13:42:00Z");

    @Override
    protected TypeSerializer<ServiceSignal> createSerializer() {
        return ServiceSignalSerializer.INSTANCE;
    }

    @Override
    protected int getLength() {
        return -1;
    }

    @Override
    protected Class<ServiceSignal> getTypeClass() {
        return ServiceSignal.class;
    }

    @Override
    protected ServiceSignal[] getTestData() {
        return new ServiceSignal[] {
            ServiceSignal.of(
                    new ProbeMinute(
                            "chatgpt",
                            "aws-us-east-1",
                            "us-east",
                            MINUTE,
                            6,
                            1,
                            1,
                            new double[] {120.5, 98.0, 301.25, Double.MAX_VALUE, 0.0},
                            false)),
            ServiceSignal.of(
                    new ProbeMinute(
                            "github", "gcp-eu", null, MINUTE, 0, 0, 0, new double[0], true)),
            ServiceSignal.of(
                    new Complaint(
                            "chatgpt",
                            "us-east",
                            "@someone",
                            Instant.parse("2023-11-08T13:42:07.123456789Z"))),
            ServiceSignal.of(new Complaint("bluesky-app", null, "anon:Ω-7", Instant.EPOCH))
        };
    }

    @Test
    void typeExtractionFindsTheHandWrittenSerializer() {
        TypeInformation<ServiceSignal> type = TypeInformation.of(ServiceSignal.class);
        assertThat(type.createSerializer(new SerializerConfigImpl()))
                .isSameAs(ServiceSignalSerializer.INSTANCE);
    }
}
