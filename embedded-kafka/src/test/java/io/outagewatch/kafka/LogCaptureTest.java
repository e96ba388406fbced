package io.outagewatch.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.junit.jupiter.api.Test;

class LogCaptureTest {

    private static final Logger THIRD_PARTY = LogManager.getLogger("org.example.Library");
    private static final Logger OWN = LogManager.getLogger("io.outagewatch.Example");

    @Test
    void capturesInfoAndOwnDebugAndTheConsoleThenRestoresTheLevels() {
        assertThat(THIRD_PARTY.isInfoEnabled()).isFalse();

        String text;
        try (LogCapture capture = LogCapture.start()) {
            THIRD_PARTY.info("third-party info");
            THIRD_PARTY.debug("third-party debug");
            OWN.debug("own debug", new IllegalStateException("with its trace"));
            System.out.println("printed on stdout");
            System.err.println("printed on stderr");
            text = capture.text();
            assertThat(capture.events()).isEqualTo(2);
        }

        assertThat(text)
                .contains(
                        "third-party info",
                        "own debug",
                        "with its trace",
                        "printed on stdout",
                        "printed on stderr")
                .doesNotContain("third-party debug");
        assertThat(THIRD_PARTY.isInfoEnabled()).isFalse();
        assertThat(OWN.isDebugEnabled()).isFalse();
    }
}
