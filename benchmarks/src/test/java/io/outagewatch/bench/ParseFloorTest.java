package io.outagewatch.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParseFloorTest {

    @Test
    void aFreshJvmMeasuresTheFloorOfTheSameLines(@TempDir Path work) throws Exception {
        double rate = ParseFloor.inFreshJvm(10, 2_000, work.resolve("floor.log"));

        assertThat(rate).isPositive().isFinite();
    }

    /** A fresh JVM that fails (no pairs to probe) says why, with its standard error. */
    @Test
    void aFailingFreshJvmSaysWhy(@TempDir Path work) {
        Path log = work.resolve("floor.log");

        assertThatThrownBy(() -> ParseFloor.inFreshJvm(0, 100, log))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exit code 1")
                .hasMessageContaining("Exception");
        assertThat(log).content().contains("ArithmeticException");
    }
}
