package io.outagewatch.sink.silence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.outagewatch.events.Alert;
import io.outagewatch.events.AlertType;
import io.outagewatch.events.Evidence;
import io.outagewatch.events.ServiceCatalog;
import io.outagewatch.events.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Matching a silence against alerts: a table of matchers, regions and event times. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SilenceTest {

    private static final Instant NOW = Instant.parse("2023-11-08T12:00:00Z");
    private static final Instant STARTS = Instant.parse("2023-11-08T13:00:00Z");
    private static final Instant ENDS = Instant.parse("2023-11-08T15:00:00Z");

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "same service, inside             | chatgpt |       |         | chatgpt | MAJOR   | eu-west | 2023-11-08T14:00:00Z | true",
                "other service                    | chatgpt |       |         | github  | MAJOR   | eu-west | 2023-11-08T14:00:00Z | false",
                "at the start                     | chatgpt |       |         | chatgpt | MAJOR   |         | 2023-11-08T13:00:00Z | true",
                "at the end                       | chatgpt |       |         | chatgpt | MAJOR   |         | 2023-11-08T15:00:00Z | false",
                "severity matches                 | chatgpt | MAJOR |         | chatgpt | MAJOR   |         | 2023-11-08T14:00:00Z | true",
                "severity differs                 | chatgpt | MAJOR |         | chatgpt | PARTIAL |         | 2023-11-08T14:00:00Z | false",
                "the region alone                 | chatgpt |       | eu-west | chatgpt | PARTIAL | eu-west | 2023-11-08T14:00:00Z | true",
                "another region too               | chatgpt |       | eu-west | chatgpt | PARTIAL | eu-west;us-east | 2023-11-08T14:00:00Z | false",
                "all regions                      | chatgpt |       | eu-west | chatgpt | MAJOR   |         | 2023-11-08T14:00:00Z | false",
            })
    void matchesOnServiceSeverityRegionAndEventTime(
            String name,
            String service,
            String severity,
            String region,
            String alertService,
            String alertSeverity,
            String regions,
            String detected,
            boolean silenced) {
        Silence silence =
                new Silence(
                        "s-1",
                        service,
                        Optional.ofNullable(severity).map(Severity::valueOf),
                        Optional.ofNullable(region),
                        STARTS,
                        ENDS,
                        "alice",
                        "failover",
                        NOW,
                        Silence.Source.MANUAL);
        Alert alert =
                alert(
                        alertService,
                        Severity.valueOf(alertSeverity),
                        regions == null ? List.of() : List.of(regions.split(";")),
                        Instant.parse(detected));

        assertThat(silence.silences(alert)).isEqualTo(silenced);
    }

    @Test
    void aRecoveryIsJudgedByItsRecoveryTime() {
        Silence silence =
                Silence.create(
                        "chatgpt", Optional.empty(), Optional.empty(), STARTS, ENDS, "a", "b", NOW);
        Alert recoveredInside =
                recovery(
                        Instant.parse("2023-11-08T12:00:00Z"),
                        Instant.parse("2023-11-08T14:00:00Z"));
        Alert recoveredAfter =
                recovery(
                        Instant.parse("2023-11-08T14:00:00Z"),
                        Instant.parse("2023-11-08T16:00:00Z"));

        assertThat(silence.silences(recoveredInside)).isTrue();
        assertThat(silence.silences(recoveredAfter)).isFalse();
        assertThat(silence.id()).matches("s-[0-9a-f]{16}");
    }

    @Test
    void anUpdateIsJudgedByTheMinuteItSpeaksFor() {
        Silence silence =
                Silence.create(
                        "chatgpt", Optional.empty(), Optional.empty(), STARTS, ENDS, "a", "b", NOW);
        // Detected before the silence began: its update inside the silence is held back, its
        // update after it is not; an update of the older shape falls back to the detection.
        Instant detected = STARTS.minusSeconds(600);
        Alert inside = update(detected, STARTS.plusSeconds(1_800));
        Alert after = update(detected, ENDS.plusSeconds(60));
        Alert olderShape = update(detected, null);

        assertThat(silence.silences(inside)).isTrue();
        assertThat(silence.silences(after)).isFalse();
        assertThat(silence.silences(olderShape)).isFalse();
    }

    private static Alert update(Instant detected, Instant asOf) {
        return new Alert(
                "inc-1",
                AlertType.OUTAGE_UPDATED,
                "chatgpt",
                Severity.MAJOR,
                List.of(),
                detected.minusSeconds(60),
                detected,
                null,
                null,
                3600L,
                1800L,
                7200L,
                new Evidence(0.9, 0.01, List.of(), List.of(), null, null, 5.0),
                null,
                null,
                2,
                null,
                null,
                null,
                null,
                asOf);
    }

    @Test
    void expiringEndsNowOrEmptiesAFutureSilence() {
        Silence silence =
                Silence.create(
                        "chatgpt", Optional.empty(), Optional.empty(), STARTS, ENDS, "a", "b", NOW);

        assertThat(silence.expiredAt(Instant.parse("2023-11-08T14:00:00Z")).endsAt())
                .isEqualTo(Instant.parse("2023-11-08T14:00:00Z"));
        assertThat(silence.expiredAt(NOW).endsAt()).isEqualTo(STARTS);
        assertThat(silence.expiredAt(Instant.parse("2023-11-09T00:00:00Z"))).isEqualTo(silence);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "chatgpt |                      |          | failover | a service is required",
                "chatgpt | 2023-11-08T12:00:00Z |          | failover | the end 2023-11-08T12:00:00Z is not after the start 2023-11-08T13:00:00Z",
                "chatgpt |                      | 2h       |          | a comment is required",
                "chatgpt | 2023-11-08T16:00:00Z | 2h       | failover | give an end (until) or a duration (for), one of them",
                "chatgpt |                      | forever  | failover | for: 'forever' is not a duration",
                "nosuch  |                      | 2h       | failover | service 'nosuch' is not in the catalog; known are",
            })
    void badRequestsSayWhatIsWrong(
            String service, String until, String duration, String comment, String message) {
        SilenceRequest request =
                new SilenceRequest(
                        message.startsWith("a service") ? null : service,
                        null,
                        null,
                        "2023-11-08T13:00:00Z",
                        until,
                        duration,
                        null,
                        comment);

        assertThatThrownBy(
                        () ->
                                request.toSilence(
                                        NOW, "cli", Optional.of(ServiceCatalog.defaultCatalog())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(message);
    }

    private static Alert alert(
            String service, Severity severity, List<String> regions, Instant detected) {
        return new Alert(
                "inc-1",
                AlertType.OUTAGE_STARTED,
                service,
                severity,
                regions,
                detected.minusSeconds(60),
                detected,
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

    private static Alert recovery(Instant detected, Instant recovered) {
        return new Alert(
                "inc-1",
                AlertType.OUTAGE_RECOVERED,
                "chatgpt",
                Severity.MAJOR,
                List.of(),
                detected.minusSeconds(60),
                detected,
                recovered,
                recovered.getEpochSecond() - detected.getEpochSecond() + 60,
                3600L,
                1800L,
                7200L,
                new Evidence(0.9, 0.01, List.of(), List.of(), null, null, 5.0),
                null,
                null,
                2);
    }
}
