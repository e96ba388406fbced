package io.outagewatch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhaseProgressTest {

    private final PhaseProgress progress = new PhaseProgress();

    @Test
    void beforeAnyStepItIsStarting() {
        assertThat(progress.describe()).isEqualTo("starting");
    }

    @Test
    void aCountedStepShowsItsShare() {
        progress.step("producing", 1_000_000, "records");
        progress.add(400_000);
        progress.add(12_000);

        assertThat(progress.describe()).isEqualTo("producing · 412,000 / 1,000,000 records (41 %)");
    }

    @Test
    void aNewStepStartsFromNothing() {
        progress.step("producing", 10, "records");
        progress.add(10);
        progress.step("job running", 10, "input records committed");
        progress.set(3);

        assertThat(progress.describe())
                .isEqualTo("job running · 3 / 10 input records committed (30 %)");
    }

    @Test
    void aStepWithNothingToCountIsItsName() {
        progress.step("producing", 10, "records");
        progress.add(5);
        progress.step("checkpoint");

        assertThat(progress.describe()).isEqualTo("checkpoint");
    }
}
