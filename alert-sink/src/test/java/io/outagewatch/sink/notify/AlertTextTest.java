package io.outagewatch.sink.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.outagewatch.events.Alert;
import io.outagewatch.events.Severity;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class AlertTextTest {

    @Test
    void durationsAreRoundedToTheMinute() {
        assertThat(AlertText.duration(8280)).isEqualTo("2 h 18 min");
        assertThat(AlertText.duration(2700)).isEqualTo("45 min");
        assertThat(AlertText.duration(7200)).isEqualTo("2 h");
        assertThat(AlertText.duration(40)).isEqualTo("40 s");
        assertThat(AlertText.duration(0)).isEqualTo("0 s");
        assertThat(AlertText.duration(89)).isEqualTo("1 min");
        assertThat(AlertText.duration(90)).isEqualTo("2 min");
        assertThat(AlertText.duration(3599)).isEqualTo("1 h");
        assertThat(AlertText.duration(90_000)).isEqualTo("25 h");
        assertThat(AlertText.about(2700)).isEqualTo("about 45 min");
    }

    @Test
    void regionsTimesAndSeverities() {
        assertThat(AlertText.regions(List.of())).isEqualTo("all regions");
        assertThat(AlertText.regions(List.of("eu-west", "us-east"))).isEqualTo("eu-west, us-east");
        assertThat(AlertText.instant(Instant.parse("2023-11-08T13:42:00.789Z")))
                .isEqualTo("2023-11-08T13:42:00Z");
        assertThat(AlertText.severity(Severity.MAJOR)).isEqualTo("major outage");
        assertThat(AlertText.severity(Severity.PARTIAL)).isEqualTo("partial outage");
        assertThat(AlertText.severity(Severity.DEGRADED)).isEqualTo("degraded performance");
    }

    @Test
    void headlinesForEachStage() {
        assertThat(AlertText.headline(TestAlerts.started()))
                .isEqualTo(
                        "chatgpt is down: major outage in eu-west, us-east since"
                                + " 2023-11-08T13:42:00Z, expected to last about 1 h 30 min (30 min"
                                + " to 3 h)");
        assertThat(AlertText.headline(TestAlerts.updated()))
                .isEqualTo(
                        "chatgpt is still down: major outage in eu-west, us-east since"
                                + " 2023-11-08T13:42:00Z, now expected to last about 2 h (1 h to 4"
                                + " h)");
        assertThat(AlertText.headline(TestAlerts.recovered()))
                .isEqualTo(
                        "chatgpt has recovered: it was down for 2 h 18 min (major outage in"
                                + " eu-west, us-east from 2023-11-08T13:42:00Z to"
                                + " 2023-11-08T16:00:00Z)");
        assertThat(AlertText.headline(TestAlerts.minimal()))
                .isEqualTo(
                        "example is degraded: degraded performance in all regions since"
                                + " 2023-11-08T13:42:00Z, expected to last about 45 min (10 min to"
                                + " 1 h)");
    }

    @Test
    void headlinesSayTheTimeLeftAndWhatTheEstimateRestsOn() {
        assertThat(AlertText.headline(TestAlerts.startedWithTimeLeft()))
                .isEqualTo(
                        "chatgpt is down: major outage in eu-west, us-east since"
                                + " 2023-11-08T13:42:00Z, expected to last about 2 h 36 min (44"
                                + " min to 16 h), about 1 h 50 min left — typical of major"
                                + " outages");
        assertThat(AlertText.headline(TestAlerts.updatedWithTimeLeft()))
                .isEqualTo(
                        "chatgpt is still down: major outage in eu-west, us-east since"
                                + " 2023-11-08T13:42:00Z, now expected to last about 2 h (1 h to 4"
                                + " h), about 40 min left — from 41 past ChatGPT incidents, in"
                                + " monitoring");
    }

    @Test
    void headlinesSayWhatTheAlertCarriesOfTheTimeLeftAndBasis() {
        assertThat(
                        AlertText.headline(
                                TestAlerts.withTimeLeft(
                                        TestAlerts.started(), 2400L, 600L, 9000L, null)))
                .endsWith(", expected to last about 1 h 30 min (30 min to 3 h), about 40 min left");
        assertThat(
                        AlertText.headline(
                                TestAlerts.withTimeLeft(
                                        TestAlerts.started(),
                                        null,
                                        null,
                                        null,
                                        "typical of major outages")))
                .endsWith(
                        ", expected to last about 1 h 30 min (30 min to 3 h) — typical of major"
                                + " outages");
        assertThat(
                        AlertText.headline(
                                TestAlerts.withTimeLeft(TestAlerts.started(), 45L, 0L, 600L, null)))
                .endsWith("(30 min to 3 h), less than a minute left");
        assertThat(
                        AlertText.headline(
                                TestAlerts.withTimeLeft(TestAlerts.started(), 60L, 0L, 600L, null)))
                .endsWith("(30 min to 3 h), about 1 min left");
    }

    @Test
    void theBasisStaysOnTheHeadlinesLine() {
        Alert alert =
                TestAlerts.withTimeLeft(
                        TestAlerts.started(),
                        null,
                        null,
                        null,
                        " typical of major outages,\n\tand 3 past\r\nChatGPT incidents\u0007 ");

        assertThat(AlertText.basis(alert))
                .isEqualTo("typical of major outages, and 3 past ChatGPT incidents");
        assertThat(AlertText.headline(alert))
                .endsWith("— typical of major outages, and 3 past ChatGPT incidents")
                .doesNotContain("\n");
    }

    @Test
    void aRecoveryReadsTheSameWhateverTheLastEstimateSaid() {
        Alert recovered =
                TestAlerts.withTimeLeft(
                        TestAlerts.recovered(), 0L, 0L, 600L, "from 41 past ChatGPT incidents");

        assertThat(AlertText.headline(recovered))
                .isEqualTo(AlertText.headline(TestAlerts.recovered()));
        assertThat(AlertText.details(recovered, AlertText.PLAIN))
                .isEqualTo(AlertText.details(TestAlerts.recovered(), AlertText.PLAIN));
    }

    @Test
    void timeLeftWithItsIntervalLeadsTheDetails() {
        assertThat(AlertText.timeLeft(TestAlerts.startedWithTimeLeft()))
                .isEqualTo("about 1 h 50 min (20 min to 14 h)");
        assertThat(AlertText.timeLeft(TestAlerts.started())).isEmpty();
        assertThat(AlertText.details(TestAlerts.updatedWithTimeLeft(), AlertText.PLAIN))
                .containsExactly(
                        "Time left: about 40 min (10 min to 2 h 30 min)",
                        "Evidence: probes failing 92% (usual 1%); failing at fra-1, iad-2, sin-1;"
                                + " healthy at syd-1; error reports 47.5/min (usual 0.8/min);"
                                + " anomaly score 12.3",
                        "Official status: investigating, major impact: \"Elevated error rates on"
                                + " ChatGPT & the <API>\""
                                + " <https://status.openai.com/incidents/yp8kx2y5ws2r>"
                                + " (2023-11-08T14:30:00Z)",
                        "Detected 47 min before the official acknowledgement",
                        "Incident chatgpt-20231108-1342, alert 2, detected 2023-11-08T13:43:30Z");
    }

    @Test
    void slackMarkupEscapesTheBasis() {
        Alert alert =
                TestAlerts.withTimeLeft(
                        TestAlerts.started(),
                        2400L,
                        600L,
                        9000L,
                        "from 3 past <b>A&B</b> incidents");

        assertThat(AlertText.headline(alert, AlertText.SLACK))
                .endsWith("about 40 min left — from 3 past &lt;b&gt;A&amp;B&lt;/b&gt; incidents")
                .doesNotContain("<b>");
    }

    @Test
    void aLongHeadlineNamesFewerRegionsSoTheEstimateAndBasisSurvive() {
        Alert wide =
                TestAlerts.withRegions(
                        TestAlerts.startedWithTimeLeft(), TestAlerts.manyRegions(200));
        assertThat(AlertText.headline(wide)).hasSizeGreaterThan(6000);

        String fitted = AlertText.headline(wide, AlertText.PLAIN, 1024);

        assertThat(fitted)
                .hasSizeLessThanOrEqualTo(1024)
                .startsWith(
                        "chatgpt is down: major outage in region-with-a-rather-long-name-0,"
                                + " region-with-a-rather-long-name-1,")
                .containsPattern("name-\\d+ and 1\\d\\d more regions since 2023-11-08T13:42:00Z,")
                .endsWith(
                        ", expected to last about 2 h 36 min (44 min to 16 h), about 1 h 50 min"
                                + " left — typical of major outages");
        // As many regions as fit: one more would not.
        int listed = fitted.split(", region-").length;
        assertThat(
                        AlertText.headline(wide, AlertText.PLAIN, Integer.MAX_VALUE)
                                .replace(
                                        AlertText.regions(wide.regions()),
                                        AlertText.regions(wide.regions(), listed + 1)))
                .hasSizeGreaterThan(1024);
    }

    @Test
    void aHeadlineThatFitsIsLeftAloneAndOneThatCannotIsCut() {
        Alert alert = TestAlerts.startedWithTimeLeft();
        String full = AlertText.headline(alert);

        assertThat(AlertText.headline(alert, AlertText.PLAIN, full.length())).isEqualTo(full);
        assertThat(AlertText.headline(alert, AlertText.PLAIN, 60))
                .isEqualTo("chatgpt is down: major outage in 2 regions since 2023-11-08…");
        assertThat(AlertText.regions(List.of("a", "b", "c"), 3)).isEqualTo("a, b, c");
        assertThat(AlertText.regions(List.of("a", "b", "c"), 2))
                .isEqualTo("a, b and 1 more region");
        assertThat(AlertText.regions(List.of("a", "b", "c"), 1)).isEqualTo("a and 2 more regions");
        assertThat(AlertText.regions(List.of("a", "b", "c"), 0)).isEqualTo("3 regions");
        assertThat(AlertText.regions(List.of(), 0)).isEqualTo("all regions");
    }

    @Test
    void detailsCarryEvidenceStatusAndLead() {
        assertThat(AlertText.details(TestAlerts.updated(), AlertText.PLAIN))
                .containsExactly(
                        "Evidence: probes failing 92% (usual 1%); failing at fra-1, iad-2, sin-1;"
                                + " healthy at syd-1; error reports 47.5/min (usual 0.8/min);"
                                + " anomaly score 12.3",
                        "Official status: investigating, major impact: \"Elevated error rates on"
                                + " ChatGPT & the <API>\""
                                + " <https://status.openai.com/incidents/yp8kx2y5ws2r>"
                                + " (2023-11-08T14:30:00Z)",
                        "Detected 47 min before the official acknowledgement",
                        "Incident chatgpt-20231108-1342, alert 2, detected 2023-11-08T13:43:30Z");
        assertThat(AlertText.lead(-120))
                .isEqualTo("Detected 2 min after the official acknowledgement");
        assertThat(AlertText.lead(0))
                .isEqualTo("Detected at the same time as the official acknowledgement");
    }

    @Test
    void slackMarkupEscapesAlertText() {
        String text = AlertText.message(TestAlerts.updated(), AlertText.SLACK);
        assertThat(text)
                .startsWith("*chatgpt* is still down")
                .contains(
                        "<https://status.openai.com/incidents/yp8kx2y5ws2r|\"Elevated error rates"
                                + " on ChatGPT &amp; the &lt;API&gt;\">")
                .doesNotContain("<API>");
    }

    @Test
    void truncateMarksTheCut() {
        assertThat(AlertText.truncate("abcdef", 6)).isEqualTo("abcdef");
        assertThat(AlertText.truncate("abcdefg", 6)).isEqualTo("abcde…").hasSize(6);
        assertThat(AlertText.truncate("abcd😩xyz", 6)).isEqualTo("abcd…");
    }
}
