package io.outagewatch.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.outagewatch.events.BadInputs.BadInput;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SerdeRejectionTest {

    static Stream<BadInput> badInputs() {
        return BadInputs.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void rejectsTextWithReasonCodeNamingTheField(BadInput bad) {
        Parsed.Invalid<?> invalid = assertInvalid(bad.serde().parse(bad.json()));

        assertThat(invalid.code()).isEqualTo(bad.code());
        assertThat(invalid.detail()).contains(bad.fieldInDetail());
        assertThat(invalid.reason()).isEqualTo(bad.code() + ": " + invalid.detail());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void rejectsBytesExactlyLikeText(BadInput bad) {
        Parsed.Invalid<?> fromText = assertInvalid(bad.serde().parse(bad.json()));
        Parsed.Invalid<?> fromBytes =
                assertInvalid(bad.serde().parse(bad.json().getBytes(StandardCharsets.UTF_8)));

        assertThat(fromBytes).isEqualTo(fromText);
    }

    static Stream<Arguments> malformedUtf8() {
        return Stream.of(
                Arguments.of("stray continuation byte", new byte[] {(byte) 0x80}),
                Arguments.of("byte never used in UTF-8", new byte[] {(byte) 0xFF}),
                Arguments.of("overlong encoding of '/'", new byte[] {(byte) 0xC0, (byte) 0xAF}),
                Arguments.of(
                        "encoded surrogate", new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}),
                Arguments.of(
                        "code point above U+10FFFF",
                        new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}),
                Arguments.of("two-byte sequence cut short", new byte[] {(byte) 0xC3, '"'}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedUtf8")
    void rejectsMalformedUtf8WithItsOffset(String name, byte[] badBytes) {
        byte[] prefix = "{\"service\":\"chatgpt\",\"error\":\"".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream document = new ByteArrayOutputStream();
        document.writeBytes(prefix);
        document.writeBytes(badBytes);
        document.writeBytes("\"}".getBytes(StandardCharsets.UTF_8));

        Parsed.Invalid<?> invalid =
                assertInvalid(ProbeResultSerde.INSTANCE.parse(document.toByteArray()));

        assertThat(invalid.code()).isEqualTo(InvalidReason.INVALID_UTF8);
        assertThat(invalid.detail()).contains("byte offset " + prefix.length);
    }

    @Test
    void checksSizeBeforeDecoding() {
        byte[] oversizedGarbage = new byte[JsonCodec.MAX_INPUT_BYTES + 1];
        Arrays.fill(oversizedGarbage, (byte) 0xFF);

        Parsed.Invalid<?> invalid = assertInvalid(AlertSerde.INSTANCE.parse(oversizedGarbage));

        assertThat(invalid.code()).isEqualTo(InvalidReason.TOO_LARGE);
        assertThat(invalid.detail()).contains("65537 bytes");
    }

    @Test
    void measuresTextSizeInUtf8Bytes() {
        // 30,000 three-byte characters: under the limit in chars, over it in bytes.
        String json = JsonDoc.probe().with("error", "\"" + "€".repeat(30_000) + "\"").json();

        Parsed.Invalid<?> invalid = assertInvalid(ProbeResultSerde.INSTANCE.parse(json));

        assertThat(json.length()).isLessThan(JsonCodec.MAX_INPUT_BYTES);
        assertThat(invalid.code()).isEqualTo(InvalidReason.TOO_LARGE);
    }

    static Stream<EventSerde<?>> serdes() {
        return Stream.of(
                ProbeResultSerde.INSTANCE,
                SocialReportSerde.INSTANCE,
                StatusUpdateSerde.INSTANCE,
                AlertSerde.INSTANCE,
                DeadLetterSerde.INSTANCE);
    }

    @ParameterizedTest
    @MethodSource("serdes")
    void rejectsNullInputWithoutThrowing(EventSerde<?> serde) {
        assertThat(assertInvalid(serde.parse((String) null)).code())
                .isEqualTo(InvalidReason.MALFORMED_JSON);
        assertThat(assertInvalid(serde.parse((byte[]) null)).code())
                .isEqualTo(InvalidReason.MALFORMED_JSON);
    }

    @Test
    void reportsTheFirstBadFieldInDeclarationOrder() {
        String json = JsonDoc.probe().with("service", "1").with("success", "\"no\"").json();

        Parsed.Invalid<?> invalid = assertInvalid(ProbeResultSerde.INSTANCE.parse(json));

        assertThat(invalid.detail()).startsWith("service ");
    }

    @Test
    void shortensBadValuesQuotedInTheDetail() {
        String json = JsonDoc.probe().with("service", "\"" + "X".repeat(10_000) + "\"").json();

        Parsed.Invalid<?> invalid = assertInvalid(ProbeResultSerde.INSTANCE.parse(json));

        assertThat(invalid.code()).isEqualTo(InvalidReason.INVALID_ID);
        assertThat(invalid.detail()).hasSizeLessThan(200).contains("(10000 chars)");
    }

    @Test
    void invalidHasNoValue() {
        Parsed<ProbeResult> parsed = ProbeResultSerde.INSTANCE.parse("[]");

        assertThat(parsed.isOk()).isFalse();
        assertThatThrownBy(parsed::value)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not_an_object: document must be a JSON object, got array");
    }

    @Test
    void everyReasonCodeIsExercised() {
        List<String> codesInTable = BadInputs.all().stream().map(BadInput::code).toList();
        List<String> codesExercisedElsewhere = List.of(InvalidReason.INVALID_UTF8);

        assertThat(Stream.concat(codesInTable.stream(), codesExercisedElsewhere.stream()))
                .containsAll(InvalidReason.ALL);
    }

    private static Parsed.Invalid<?> assertInvalid(Parsed<?> parsed) {
        assertThat(parsed).isInstanceOf(Parsed.Invalid.class);
        return (Parsed.Invalid<?>) parsed;
    }
}
