package io.outagewatch.sink.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.outagewatch.events.Alert;
import io.outagewatch.events.RelatedIncident;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** How alerts naming related incidents (outages that probably share a cause) read for people. */
class RelatedIncidentTextTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The alerts' own incident starts at 13:42 in eu-west and us-east (TestAlerts). */
    private static final Instant GITHUB_ONSET = Instant.parse("2023-11-08T13:40:00Z");

    private static final Instant SLACK_ONSET = Instant.parse("2023-11-08T13:43:00Z");

    private static final RelatedIncident GITHUB_US =
            new RelatedIncident("github-1", "github", List.of("us-east"), GITHUB_ONSET);
    private static final RelatedIncident SLACK_US =
            new RelatedIncident("slack-1", "slack", List.of("us-east"), SLACK_ONSET);
    private static final RelatedIncident SLACK_EVERYWHERE =
            new RelatedIncident("slack-2", "slack", List.of(), SLACK_ONSET);
    private static final RelatedIncident DISCORD_EU =
            new RelatedIncident("discord-1", "discord", List.of("eu-west"), SLACK_ONSET);

    static Stream<Arguments> sharedCauses() {
        return Stream.of(
                Arguments.of("none", List.of(), List.of("eu-west", "us-east"), ""),
                Arguments.of(
                        "one other in a shared region, which started first",
                        List.of(GITHUB_US),
                        List.of("eu-west", "us-east"),
                        "one of 2 services failing in us-east since 13:40"),
                Arguments.of(
                        "three others, counting this one makes four",
                        List.of(GITHUB_US, SLACK_US, DISCORD_EU),
                        List.of("eu-west", "us-east"),
                        "one of 4 services failing in eu-west, us-east since 13:40"),
                Arguments.of(
                        "two incidents of one other service count it once",
                        List.of(SLACK_US, SLACK_EVERYWHERE),
                        List.of("us-east"),
                        "one of 2 services failing in us-east since 13:42"),
                Arguments.of(
                        "this incident everywhere: the other's regions",
                        List.of(SLACK_US),
                        List.of(),
                        "one of 2 services failing in us-east since 13:42"),
                Arguments.of(
                        "both everywhere",
                        List.of(SLACK_EVERYWHERE),
                        List.of(),
                        "one of 2 services failing in all regions since 13:42"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sharedCauses")
    void sharedCauseCountsTheServicesWhereTheyShareRegionsSinceTheFirstStart(
            String name, List<RelatedIncident> related, List<String> regions, String expected) {
        Alert alert = inRegions(TestAlerts.started(), regions).withRelated(related);

        assertThat(AlertText.sharedCause(alert)).isEqualTo(expected);
    }

    static Stream<Arguments> headlines() {
        return Stream.of(
                Arguments.of(
                        TestAlerts.started().withRelated(List.of(GITHUB_US, SLACK_US)),
                        "chatgpt is down: major outage in eu-west, us-east since"
                                + " 2023-11-08T13:42:00Z (one of 3 services failing in us-east"
                                + " since 13:40), expected to last about 1 h 30 min (30 min to"
                                + " 3 h)"),
                Arguments.of(
                        TestAlerts.updated().withRelated(List.of(GITHUB_US)),
                        "chatgpt is still down: major outage in eu-west, us-east since"
                                + " 2023-11-08T13:42:00Z (one of 2 services failing in us-east"
                                + " since 13:40), now expected to last about 2 h (1 h to 4 h)"),
                Arguments.of(
                        TestAlerts.recovered().withRelated(List.of(GITHUB_US)),
                        "chatgpt has recovered: it was down for 2 h 18 min (major outage in"
                                + " eu-west, us-east from 2023-11-08T13:42:00Z to"
                                + " 2023-11-08T16:00:00Z; was one of 2 services failing in"
                                + " us-east since 13:40)"),
                Arguments.of(
                        TestAlerts.started(),
                        "chatgpt is down: major outage in eu-west, us-east since"
                                + " 2023-11-08T13:42:00Z, expected to last about 1 h 30 min (30"
                                + " min to 3 h)"));
    }

    @ParameterizedTest
    @MethodSource("headlines")
    void theHeadlineSaysWhichOfHowManyServicesFailingTogether(Alert alert, String expected) {
        assertThat(AlertText.headline(alert)).isEqualTo(expected);
    }

    @Test
    void aDetailLineListsTheRelatedIncidents() {
        Alert alert = TestAlerts.started().withRelated(List.of(GITHUB_US, SLACK_US));

        assertThat(AlertText.details(alert, AlertText.PLAIN))
                .contains(
                        "Related: one of 3 services failing in us-east since 13:40: github in"
                                + " us-east since 2023-11-08T13:40:00Z (incident github-1), slack"
                                + " in us-east since 2023-11-08T13:43:00Z (incident slack-1)");
        assertThat(AlertText.details(TestAlerts.started(), AlertText.PLAIN))
                .noneMatch(line -> line.startsWith("Related:"));
    }

    @Test
    void theDetailLineNamesTheFirstFewAndCountsTheRest() {
        List<RelatedIncident> many = new ArrayList<>();
        for (int i = 0; i < AlertText.MAX_LISTED_RELATED + 3; i++) {
            many.add(
                    new RelatedIncident(
                            "svc-" + i + "-1", "svc-" + i, List.of("us-east"), GITHUB_ONSET));
        }

        String related = AlertText.related(TestAlerts.started().withRelated(many));

        assertThat(related).startsWith("svc-0 in us-east").endsWith(" and 3 more");
        assertThat(related).doesNotContain("svc-8 ");
    }

    @Test
    void everyRenderingShowsTheRelatedIncidents() throws Exception {
        Alert alert = TestAlerts.updated().withRelated(List.of(GITHUB_US, SLACK_US));
        String shared = "one of 3 services failing in us-east since 13:40";

        assertThat(ConsoleNotifier.format(alert)).contains(shared).contains("(incident slack-1)");
        assertThat(SlackNotifier.text(alert)).contains(shared).contains("(incident slack-1)");
        JsonNode details = PagerDutyNotifier.customDetails(alert);
        assertThat(details.get("sharedCause").asText()).isEqualTo(shared);
        assertThat(details.get("related").get(1).get("incidentId").asText()).isEqualTo("slack-1");
        AlertmanagerNotifier alertmanager =
                new AlertmanagerNotifier(
                        "am",
                        List.of("http://alertmanager:9093"),
                        Optional.empty(),
                        HttpDelivery.create(Duration.ofSeconds(5), Clock.systemUTC()));
        JsonNode annotations = JSON.readTree(alertmanager.body(alert)).get(0).get("annotations");
        assertThat(annotations.get("summary").asText()).contains(shared);
        assertThat(annotations.get("related").asText()).startsWith("github in us-east");
        assertThat(annotations.get("description").asText()).contains("Related: " + shared);
    }

    @Test
    void withoutRelatedIncidentsNoRenderingChanges() throws Exception {
        Alert alert = TestAlerts.updated();

        assertThat(PagerDutyNotifier.customDetails(alert).has("related")).isFalse();
        assertThat(PagerDutyNotifier.customDetails(alert).has("sharedCause")).isFalse();
        assertThat(ConsoleNotifier.format(alert)).doesNotContain("Related");
    }

    private static Alert inRegions(Alert alert, List<String> regions) {
        return new Alert(
                alert.incidentId(),
                alert.type(),
                alert.service(),
                alert.severity(),
                regions,
                alert.startedAt(),
                alert.detectedAt(),
                alert.recoveredAt(),
                alert.durationSeconds(),
                alert.estimatedDurationSeconds(),
                alert.estimatedDurationLowSeconds(),
                alert.estimatedDurationHighSeconds(),
                alert.evidence(),
                alert.officialStatus(),
                alert.leadSecondsOverAck(),
                alert.version(),
                alert.estimatedRemainingSeconds(),
                alert.estimatedRemainingLowSeconds(),
                alert.estimatedRemainingHighSeconds(),
                alert.estimateBasis(),
                alert.asOf(),
                alert.related());
    }
}
