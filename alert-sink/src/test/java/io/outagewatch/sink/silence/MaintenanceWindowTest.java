package io.outagewatch.sink.silence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.outagewatch.events.Alert;
import io.outagewatch.events.AlertType;
import io.outagewatch.events.Evidence;
import io.outagewatch.events.Severity;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Weekly windows keep their local times in their zone, across daylight-saving changes; one-off
 * windows are plain ranges. Berlin moved its clocks forward on 2024-03-31 (02:00 CET became 03:00
 * CEST) and back on 2024-10-27 (03:00 CEST became 02:00 CET).
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class MaintenanceWindowTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    /** Sundays 01:00 to 05:00 in Berlin. */
    private static final MaintenanceWindow SUNDAY_NIGHTS =
            new MaintenanceWindow(
                    "sunday-deploys",
                    "chatgpt",
                    "weekly deploys",
                    new MaintenanceWindow.Weekly(
                            Set.of(DayOfWeek.SUNDAY),
                            LocalTime.of(1, 0),
                            LocalTime.of(5, 0),
                            BERLIN));

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        // The week before the change, CET (UTC+1): 01:00-05:00 local is 00:00-04:00 UTC.
        "2024-03-23T23:59:59Z, false",
        "2024-03-24T00:00:00Z, true",
        "2024-03-24T03:59:59Z, true",
        "2024-03-24T04:00:00Z, false",
        // The night the clocks go forward: 01:00 CET is 00:00 UTC, 05:00 CEST is 03:00 UTC.
        "2024-03-31T00:00:00Z, true",
        "2024-03-31T02:30:00Z, true",
        "2024-03-31T02:59:59Z, true",
        "2024-03-31T03:00:00Z, false",
        "2024-03-31T03:30:00Z, false",
        // The week after, CEST (UTC+2): 01:00-05:00 local is 23:00 (Saturday) to 03:00 UTC.
        "2024-04-06T22:59:59Z, false",
        "2024-04-06T23:00:00Z, true",
        "2024-04-07T02:59:59Z, true",
        "2024-04-07T03:00:00Z, false",
        // The night the clocks go back: 01:00 CEST is 23:00 UTC, 05:00 CET is 04:00 UTC.
        "2024-10-26T23:00:00Z, true",
        "2024-10-27T03:59:59Z, true",
        "2024-10-27T04:00:00Z, false",
        // Not a Sunday.
        "2024-03-25T00:30:00Z, false",
    })
    void aWeeklyWindowFollowsItsTimeZoneAcrossDaylightSaving(Instant at, boolean silenced) {
        assertThat(SUNDAY_NIGHTS.occurrenceAt(at).isPresent()).isEqualTo(silenced);
    }

    @Test
    void anOccurrenceIsASilenceOfTheWindowsService() {
        Silence occurrence =
                SUNDAY_NIGHTS.occurrenceAt(Instant.parse("2024-03-31T02:30:00Z")).orElseThrow();

        assertThat(occurrence.id()).isEqualTo("window-sunday-deploys-1711843200");
        assertThat(occurrence.startsAt()).isEqualTo(Instant.parse("2024-03-31T00:00:00Z"));
        assertThat(occurrence.endsAt()).isEqualTo(Instant.parse("2024-03-31T03:00:00Z"));
        assertThat(occurrence.service()).isEqualTo("chatgpt");
        assertThat(occurrence.comment()).isEqualTo("weekly deploys");
        assertThat(occurrence.source()).isEqualTo(Silence.Source.WINDOW);
    }

    @Test
    void aWindowAcrossMidnightStartsTheDayBefore() {
        MaintenanceWindow saturdayNight =
                new MaintenanceWindow(
                        "saturday-night",
                        "github",
                        null,
                        new MaintenanceWindow.Weekly(
                                Set.of(DayOfWeek.SATURDAY),
                                LocalTime.of(22, 0),
                                LocalTime.of(2, 0),
                                ZoneId.of("America/New_York")));

        // Saturday 2024-03-09 22:00 EST is 03:00 UTC on Sunday; Sunday 02:00 does not exist that
        // night (clocks go forward), so the end moves to 03:00 EDT, 07:00 UTC.
        assertThat(saturdayNight.occurrenceAt(Instant.parse("2024-03-10T06:59:59Z"))).isPresent();
        assertThat(saturdayNight.occurrenceAt(Instant.parse("2024-03-10T07:00:00Z"))).isEmpty();
        assertThat(saturdayNight.occurrenceAt(Instant.parse("2024-03-10T02:59:59Z"))).isEmpty();
        assertThat(saturdayNight.comment()).isEqualTo("maintenance window saturday-night");
    }

    @Test
    void theSilencerSilencesAlertsWhoseEventTimeIsInsideAnOccurrence() {
        Silencer silencer = new Silencer(new MemorySilenceStore(), List.of(SUNDAY_NIGHTS), true);

        assertThat(silencer.silencing(alert("chatgpt", "2024-03-31T02:30:00Z")))
                .map(Silence::id)
                .contains("window-sunday-deploys-1711843200");
        assertThat(silencer.silencing(alert("chatgpt", "2024-03-31T03:30:00Z"))).isEmpty();
        assertThat(silencer.silencing(alert("github", "2024-03-31T02:30:00Z"))).isEmpty();
    }

    @Test
    void aOneOffWindowIsAHalfOpenRange() {
        MaintenanceWindow once =
                new MaintenanceWindow(
                        "failover",
                        "chatgpt",
                        null,
                        new MaintenanceWindow.OneOff(
                                Instant.parse("2024-03-02T22:00:00Z"),
                                Instant.parse("2024-03-03T02:00:00Z")));

        assertThat(once.occurrenceAt(Instant.parse("2024-03-02T22:00:00Z"))).isPresent();
        assertThat(once.occurrenceAt(Instant.parse("2024-03-03T02:00:00Z"))).isEmpty();
        assertThatThrownBy(
                        () ->
                                new MaintenanceWindow.OneOff(
                                        Instant.parse("2024-03-03T02:00:00Z"),
                                        Instant.parse("2024-03-02T22:00:00Z")))
                .hasMessage(
                        "the end 2024-03-02T22:00:00Z is not after the start"
                                + " 2024-03-03T02:00:00Z");
    }

    private static Alert alert(String service, String detected) {
        Instant at = Instant.parse(detected);
        return new Alert(
                "inc-" + service,
                AlertType.OUTAGE_STARTED,
                service,
                Severity.MAJOR,
                List.of(),
                at.minusSeconds(120),
                at,
                null,
                null,
                3600L,
                1800L,
                7200L,
                new Evidence(0.9, 0.01, List.of(), List.of(), null, null, 5.0),
                null,
                null,
                1);
    }
}
