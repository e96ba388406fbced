package io.outagewatch.ingest.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PublishProgressTest {

    private static final Instant FIRST = Instant.parse("2023-11-07T00:00:00Z");
    private static final Instant MID_OUTAGE = Instant.parse("2023-11-08T14:05:30Z");

    private final PublishProgress progress = new PublishProgress();

    @Test
    void beforeTheEventsAreReadyItSaysSo() {
        assertThat(progress.describe()).isEqualTo("preparing the events");
        assertThat(progress.eventTime()).isEmpty();
    }

    @Test
    void beforeTheFirstEventItCountsNothingOfTheTotal() {
        progress.begin(131_644);

        assertThat(progress.describe()).isEqualTo("0 / 131,644 events published (0 %)");
    }

    @Test
    void itShowsTheEventTimeOfTheLastEventAndTheShareOfAll() {
        progress.begin(4);
        progress.published(FIRST);
        progress.published(MID_OUTAGE);

        assertThat(progress.describe())
                .isEqualTo("event time 2023-11-08T14:05Z · 2 / 4 events published (50 %)");
        assertThat(progress.published()).isEqualTo(2);
        assertThat(progress.total()).isEqualTo(4);
        assertThat(progress.eventTime()).contains(MID_OUTAGE);
    }

    @Test
    void anEmptyRecordingIsAllPublishedAtOnce() {
        progress.begin(0);

        assertThat(progress.describe()).isEqualTo("0 / 0 events published (100 %)");
    }
}
