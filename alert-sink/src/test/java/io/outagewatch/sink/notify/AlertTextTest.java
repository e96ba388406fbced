package io.outagewatch.sink.notify;

import static org.assertj.core.api.Assertions.assertThat;

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
