package io.outagewatch.detection.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.outagewatch.detection.StateSerialization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResidualStatsTest {

    private static final double SIGMA = 1.2;
    private static final double SHRINK_WEIGHT = 6;
    private static final double SCALE_WEIGHT = 10;

    /** Payload of a {@link ServiceHistory}: one int and nine doubles. */
    private static final int PAYLOAD_BYTES = 4 + 9 * 8;

    /**
     * Flink's POJO serializer adds a null marker per record and per field, and a flag per nested
     * record: 17 bytes for this shape.
     */
    private static final int FRAMING_BYTES = 17;

    @Test
    void noHistoryMeansNoOffsetAndTheKindsSpreadPlusTheOffsetsUncertainty() {
        ResidualStats.Shrunk shrunk =
                ResidualStats.none().shrink(SIGMA, SHRINK_WEIGHT, SCALE_WEIGHT);

        assertThat(shrunk.offset()).isZero();
        assertThat(shrunk.scale())
                .isCloseTo(Math.sqrt(SIGMA * SIGMA * (1 + 1 / SHRINK_WEIGHT)), within(1e-12));
    }

    @ParameterizedTest(name = "{0} incidents 1.0 above their kind -> offset {1}")
    @CsvSource({"1, 0.14", "6, 0.49", "30, 0.81", "1000, 0.94"})
    void theOffsetMovesFromZeroTowardTheServicesOwnAsItsIncidentsAccrue(
            int incidents, double expectedOffset) {
        ResidualStats stats = ResidualStats.none();
        for (int i = 0; i < incidents; i++) {
            stats = stats.plus(1.0);
        }

        double offset = stats.shrink(SIGMA, SHRINK_WEIGHT, SCALE_WEIGHT).offset();

        assertThat(offset).isCloseTo(expectedOffset, within(0.01));
    }

    @Test
    void aServiceWhoseIncidentsAllLastAlikeGetsANarrowerSpreadThanItsKind() {
        ResidualStats stats = ResidualStats.none();
        for (int i = 0; i < 200; i++) {
            stats = stats.plus(i % 2 == 0 ? 0.2 : -0.2);
        }

        assertThat(stats.shrink(SIGMA, SHRINK_WEIGHT, SCALE_WEIGHT).scale()).isLessThan(SIGMA / 2);
    }

    @Test
    void oldIncidentsFadeSoTheWeightStaysBounded() {
        ResidualStats stats = ResidualStats.none();
        for (int i = 0; i < 10_000; i++) {
            stats = stats.plus(0.5);
        }

        assertThat(stats.weight()).isLessThan(1 / (1 - ResidualStats.MEMORY));
        assertThat(stats.sum() / stats.weight()).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void aServiceHistoryIsAFixedSizeFlinkRecordNotKryo() {
        ServiceHistory history =
                new ServiceHistory(
                        41,
                        new ResidualStats(30.5, -4.25, 12.0),
                        new ResidualStats(2, 0.5, 1.0),
                        ResidualStats.none());

        byte[] bytes = StateSerialization.bytes(history, ServiceHistory.class);

        assertThat(StateSerialization.copy(history, ServiceHistory.class)).isEqualTo(history);
        assertThat(bytes.length).isLessThanOrEqualTo(PAYLOAD_BYTES + FRAMING_BYTES);
    }
}
