package io.outagewatch.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DeadLetterTest {
    private static final Instant NOW = Instant.parse("2023-11-08T13:42:07Z");

    static Stream<Arguments> rawInputs() {
        return Stream.of(
                Arguments.of("short input kept whole", "{\"a\":1}", 7),
                Arguments.of("exactly 8192 ASCII bytes kept whole", "a".repeat(8192), 8192),
                Arguments.of("ASCII cut at 8192 bytes", "a".repeat(10_000), 8192),
                Arguments.of("two-byte characters filling 8192 exactly", "é".repeat(5000), 8192),
                Arguments.of(
                        "two-byte character straddling the limit", "a" + "é".repeat(5000), 8191),
                Arguments.of("three-byte characters", "€".repeat(3000), 8190),
                Arguments.of("three-byte characters, offset by one", "a" + "€".repeat(3000), 8191),
                Arguments.of("four-byte characters", "😩".repeat(3000), 8192),
                Arguments.of(
                        "four-byte character straddling the limit", "a" + "😩".repeat(3000), 8189));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rawInputs")
    void truncatesRawToWholeCharactersWithin8192Bytes(String name, String raw, int expectedBytes) {
        DeadLetter letter = DeadLetter.of("probe-results-0-7", raw, "malformed_json: x", NOW);

        byte[] utf8 = letter.raw().getBytes(StandardCharsets.UTF_8);
        assertThat(utf8).hasSize(expectedBytes);
        assertThat(raw).startsWith(letter.raw());
        assertThat(new String(utf8, StandardCharsets.UTF_8)).isEqualTo(letter.raw());
    }

    @Test
    void turnsAMissingPayloadIntoEmptyRaw() {
        DeadLetter letter = DeadLetter.of("probe-results-0-7", null, "tombstone", NOW);

        assertThat(letter.raw()).isEmpty();
    }

    @Test
    void replacesLoneSurrogatesSoTheLetterCanBeEncoded() {
        DeadLetter letter = DeadLetter.of("social-reports-1-2", "ab\uD83Dcd\uDE29", "why", NOW);

        assertThat(letter.raw()).isEqualTo("ab\uFFFDcd\uFFFD");
        assertThat(DeadLetterSerde.INSTANCE.parse(DeadLetterSerde.INSTANCE.toBytes(letter)))
                .isEqualTo(Parsed.ok(letter));
    }

    @Test
    void cutsOverlongReasons() {
        DeadLetter letter = DeadLetter.of("file.jsonl:3", "{}", "r".repeat(10_000), NOW);

        assertThat(letter.reason()).hasSize(DeadLetter.REASON_MAX_CHARS);
    }

    @Test
    void keepsAParsedRejectionAsItsReason() {
        Parsed<ProbeResult> parsed = ProbeResultSerde.INSTANCE.parse("{\"service\":\"chatgpt\"}");
        Parsed.Invalid<ProbeResult> invalid = (Parsed.Invalid<ProbeResult>) parsed;

        DeadLetter letter =
                DeadLetter.of(
                        "probe-results-2-99", "{\"service\":\"chatgpt\"}", invalid.reason(), NOW);

        assertThat(letter.reason()).isEqualTo("missing_field: vantage");
    }
}
