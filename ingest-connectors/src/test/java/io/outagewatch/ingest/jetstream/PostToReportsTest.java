package io.outagewatch.ingest.jetstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.outagewatch.events.AliasMatcher;
import io.outagewatch.events.ServiceCatalog;
import io.outagewatch.events.SocialReport;
import io.outagewatch.ingest.jetstream.PostToReports.Outcome;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class PostToReportsTest {

    private static final String DID = "did:plc:dclwtltrt2ggsryagfzk7dp4";
    private static final String DID_SHA256 =
            "14d22a00cbb5ef1dea370ec177d19b7ed96e17efb5bdc8da22ac1fd4141201d6";
    private static final String DID_HMAC_PEPPER =
            "c9c8f41cac16dc6496ddd8c39efef94d29304bdae51ca6f72ae843b38e2b3383";
    private static final long TIME_US = 1_783_175_888_090_631L;
    private static final Instant TIME = Instant.parse("2026-07-04T14:38:08.090631Z");

    private final PostToReports mapping =
            new PostToReports(
                    new AliasMatcher(ServiceCatalog.defaultCatalog()), AuthorIds.unsalted());

    @Test
    void onePostNamingTwoServicesGivesOneReportEachInCatalogOrder() {
        PostToReports.Mapping mapped =
                mapping.map(post("  discord and slack both down  ", List.of("en")));

        assertThat(mapped.outcome()).isEqualTo(Outcome.REPORTS);
        assertThat(mapped.reports())
                .containsExactly(
                        report("discord and slack both down", "en", "slack"),
                        report("discord and slack both down", "en", "discord"));
    }

    @Test
    void aPostNamingNoServiceGivesNothing() {
        assertThat(mapping.map(post("slacker mode engaged", List.of())).outcome())
                .isEqualTo(Outcome.NO_MATCH);
        assertThat(mapping.map(post("", List.of())).outcome()).isEqualTo(Outcome.NO_MATCH);
    }

    @Test
    void aPostLongerThanAReportMayBeIsDroppedNotTruncated() {
        String atLimit = "github down " + "x".repeat(SocialReport.TEXT_MAX_CHARS - 12);
        String overLimit = atLimit + "y";

        assertThat(mapping.map(post(atLimit, List.of())).outcome()).isEqualTo(Outcome.REPORTS);
        assertThat(mapping.map(post(overLimit, List.of())).outcome()).isEqualTo(Outcome.TOO_LONG);
    }

    @Test
    void aReportThatFailsValidationIsDroppedWithTheReason() {
        JetstreamFrame.PostCreate fromTheFuture =
                new JetstreamFrame.PostCreate(
                        DID, 4_200_000_000_000_000L, "k", "r", "github down", List.of());

        PostToReports.Mapping mapped = mapping.map(fromTheFuture);

        assertThat(mapped.outcome()).isEqualTo(Outcome.INVALID);
        assertThat(mapped.reports()).isEmpty();
        assertThat(mapped.detail()).contains("timestamp");
    }

    @Test
    void authorIsTheHashOfTheDidOrItsHmacWithASalt() {
        assertThat(AuthorIds.unsalted().of(DID)).isEqualTo(DID_SHA256);
        assertThat(AuthorIds.salted("pepper").of(DID)).isEqualTo(DID_HMAC_PEPPER);
    }

    @Test
    void timestampKeepsMicroseconds() {
        assertThat(PostToReports.fromMicros(TIME_US)).isEqualTo(TIME);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            nullValues = "null",
            value = {
                "en, en",
                "' pt-BR ', pt-BR",
                "en-Latn-US-x-twain-extended, en-Latn-US-x-twa",
                "zh-Hant-TW-u-ca-chinese, zh-Hant-TW-u-ca",
                "'', null",
            })
    void langIsTheFirstTagCutToFit(String first, String expected) {
        assertThat(PostToReports.lang(List.of(first, "de"))).isEqualTo(expected);
    }

    @Test
    void noLangsMeansNoLang() {
        assertThat(PostToReports.lang(List.of())).isNull();
    }

    private static JetstreamFrame.PostCreate post(String text, List<String> langs) {
        return new JetstreamFrame.PostCreate(DID, TIME_US, "3mptbyoeyc22k", "3mpt", text, langs);
    }

    private static SocialReport report(String text, String lang, String service) {
        return new SocialReport(TIME, text, "bluesky", DID_SHA256, lang, service, null);
    }
}
