package io.outagewatch.ingest.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.outagewatch.events.InvalidReason;
import io.outagewatch.events.Parsed;
import io.outagewatch.events.SocialReport;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class ReportBatchParserTest {

    private static final Instant T0 = Instant.parse("2023-11-08T13:42:00Z");
    private static final int MAX_ITEMS = 4;
    private static final String VALID_CHATGPT =
            "{\"timestamp\":\"2023-11-08T13:42:00Z\",\"text\":\"chatgpt is down\","
                    + "\"source\":\"mastodon\",\"service\":\"chatgpt\"}";
    private static final String VALID_NO_SOURCE =
            "{\"timestamp\":\"2023-11-08T13:42:00Z\",\"text\":\"  slack won't load \"}";

    private final ReportBatchParser parser = new ReportBatchParser(MAX_ITEMS, "webhook");

    @Test
    void aSingleObjectIsOneItem() {
        ReportBatchParser.Batch batch = batch(VALID_CHATGPT);

        assertThat(batch.accepted())
                .containsExactly(
                        new SocialReport(
                                T0, "chatgpt is down", "mastodon", null, null, "chatgpt", null));
        assertThat(batch.rejected()).isEmpty();
    }

    @Test
    void reportsWithoutASourceGetTheDefault() {
        assertThat(batch(VALID_NO_SOURCE).accepted())
                .containsExactly(
                        new SocialReport(
                                T0, "slack won't load", "webhook", null, null, null, null));
    }

    @Test
    void eachArrayItemIsJudgedAloneByTheSerde() {
        String body =
                "[ "
                        + VALID_CHATGPT
                        + ",\n {\"timestamp\":\"2023-11-08T13:42:00Z\"},"
                        + " 42,"
                        + " {\"text\":\"x\",\"text\":\"y\",\"timestamp\":1699450920000} ]";

        ReportBatchParser.Batch batch = batch(body);

        assertThat(batch.accepted()).hasSize(1);
        assertThat(batch.rejected())
                .extracting(ReportBatchParser.Item::index)
                .containsExactly(1, 2, 3);
        assertThat(reasons(batch))
                .satisfiesExactly(
                        r -> assertThat(r).startsWith(InvalidReason.MISSING_FIELD + ": "),
                        r ->
                                assertThat(r)
                                        .isEqualTo(
                                                InvalidReason.NOT_AN_OBJECT
                                                        + ": document must be a JSON object, got"
                                                        + " number"),
                        r -> assertThat(r).startsWith(InvalidReason.MALFORMED_JSON + ": "));
    }

    @Test
    void anItemIsPassedOnExactlyAsSent() {
        // Escapes and nesting inside an item must not confuse where it starts and ends.
        String tricky =
                "{\"timestamp\":\"2023-11-08T13:42:00Z\",\"text\":\"a } ] \\\" {\","
                        + "\"extra\":{\"nested\":[1,{\"x\":\"}\"}]}}";

        ReportBatchParser.Batch batch = batch("[" + tricky + "," + tricky + "]");

        assertThat(batch.accepted())
                .extracting(SocialReport::text)
                .containsExactly("a } ] \" {", "a } ] \" {");
    }

    @Test
    void malformedOrWronglyShapedBodiesAreRejectedWhole() {
        assertThat(malformed("")).isEqualTo("body is empty");
        assertThat(malformed("  \n")).isEqualTo("body is empty");
        assertThat(malformed("[]")).isEqualTo("body is an empty array");
        assertThat(malformed("\"text\"")).contains("got value_string");
        assertThat(malformed("42")).contains("must be a report object or an array");
        assertThat(malformed("{\"text\":")).startsWith("body is not valid JSON: ");
        assertThat(malformed("[" + VALID_CHATGPT + ",")).startsWith("body is not valid JSON: ");
        String oneValue = "[" + VALID_CHATGPT + "] ";
        assertThat(malformed(oneValue + "[]"))
                .isEqualTo(
                        "body has content after its JSON value at line 1, column "
                                + (oneValue.length() + 1));
        assertThat(malformed("{} {}")).startsWith("body has content after its JSON value");
        assertThat(parser.parse(new byte[] {'[', (byte) 0xC3, ']'}))
                .isEqualTo(new ReportBatchParser.Malformed("body is not valid UTF-8"));
    }

    @Test
    void arraysLongerThanTheMaximumAreRefusedWithoutReadingOn() {
        String atMax = "[" + "{},".repeat(MAX_ITEMS - 1) + "{}]";
        // Counting stops at the item past the maximum, before the syntax error after it.
        String overMax = "[" + "{},".repeat(MAX_ITEMS + 1) + " oops";

        assertThat(batch(atMax).items()).hasSize(MAX_ITEMS);
        assertThat(parser.parse(bytes(overMax)))
                .isEqualTo(new ReportBatchParser.TooManyItems(MAX_ITEMS));
    }

    @Test
    void deeplyNestedBodiesAreMalformedNotAnError() {
        String deep = "[".repeat(200) + "]".repeat(200);

        assertThat(malformed(deep)).startsWith("body is not valid JSON: ");
    }

    @Test
    void refusesAnUnusableDefaultSource() {
        assertThatThrownBy(() -> new ReportBatchParser(1, " "))
                .hasMessageContaining("default source must be 1 to 64 characters");
        assertThatThrownBy(() -> new ReportBatchParser(1, "x".repeat(65)))
                .hasMessageContaining("default source");
        assertThatThrownBy(() -> new ReportBatchParser(0, "webhook"))
                .hasMessageContaining("max items must be at least 1");
    }

    private ReportBatchParser.Batch batch(String body) {
        ReportBatchParser.Outcome outcome = parser.parse(bytes(body));
        assertThat(outcome).isInstanceOf(ReportBatchParser.Batch.class);
        return (ReportBatchParser.Batch) outcome;
    }

    private String malformed(String body) {
        ReportBatchParser.Outcome outcome = parser.parse(bytes(body));
        assertThat(outcome).isInstanceOf(ReportBatchParser.Malformed.class);
        return ((ReportBatchParser.Malformed) outcome).error();
    }

    private static List<String> reasons(ReportBatchParser.Batch batch) {
        return batch.rejected().stream()
                .map(item -> ((Parsed.Invalid<SocialReport>) item.parsed()).reason())
                .toList();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
