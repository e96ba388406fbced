package io.outagewatch.status;

import static io.outagewatch.status.TestRecords.ONSET;
import static org.assertj.core.api.Assertions.assertThat;

import io.outagewatch.events.MinuteVerdict;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DaySparklineTest {

    private static final Instant NOW = ONSET.plus(Duration.ofHours(1));

    @Test
    void eachBucketHasItsBusiestMinuteAndWorstVerdict() {
        List<DaySparkline.Bucket> buckets =
                DaySparkline.of(
                        List.of(
                                TestRecords.minute(
                                        ONSET.minus(Duration.ofHours(30)), 99, MinuteVerdict.DOWN),
                                TestRecords.minute(ONSET, 3, MinuteVerdict.OK),
                                TestRecords.minute(
                                        ONSET.plus(Duration.ofMinutes(1)), 40, MinuteVerdict.DOWN),
                                TestRecords.minute(
                                        ONSET.plus(Duration.ofMinutes(2)),
                                        7,
                                        MinuteVerdict.PARTIAL)),
                        NOW);

        assertThat(buckets).hasSize(DaySparkline.BUCKETS);
        assertThat(buckets.get(0).from()).isEqualTo(NOW.minus(DaySparkline.SPAN));
        DaySparkline.Bucket onset =
                buckets.stream().filter(b -> b.complaints() != null).findFirst().orElseThrow();
        assertThat(onset.from()).isBeforeOrEqualTo(ONSET);
        assertThat(onset.complaints()).isEqualTo(40);
        assertThat(onset.expectedComplaints()).isEqualTo(2.0);
        assertThat(onset.state()).isEqualTo(ServiceState.DOWN);
        assertThat(buckets.stream().filter(b -> b.complaints() != null)).hasSize(1);
    }
}
