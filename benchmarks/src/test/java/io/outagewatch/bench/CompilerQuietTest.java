package io.outagewatch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CompilerQuietTest {

    @Test
    void anIdleCompilerIsQuietAfterTheQuietSpan() {
        CompilerQuiet.Wait wait =
                CompilerQuiet.await(Duration.ofMillis(150), Duration.ofSeconds(30));

        assertThat(wait.quiet()).isTrue();
        assertThat(wait.waited()).isBetween(Duration.ofMillis(150), Duration.ofSeconds(30));
    }

    /** However busy the compiler, the wait ends at its bound, and says it was not quiet. */
    @Test
    void theWaitEndsAtItsBound() {
        CompilerQuiet.Wait wait =
                CompilerQuiet.await(Duration.ofMinutes(1), Duration.ofMillis(300));

        assertThat(wait.quiet()).isFalse();
        assertThat(wait.waited()).isBetween(Duration.ofMillis(300), Duration.ofSeconds(10));
    }
}
