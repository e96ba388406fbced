package io.outagewatch.sink.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.outagewatch.sink.silence.MaintenanceWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code maintenanceWindows} and {@code silences} sections of {@code sink.yaml}. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SinkConfigSilencesTest {

    private static final String RECEIVERS =
            "receivers:\n  - name: console\n    kind: console\ndefaultReceivers: [console]\n";

    @TempDir Path dir;

    @Test
    void windowsTheSwitchAndTheTokenFileAreRead() throws Exception {
        Files.writeString(dir.resolve("silences.token"), "a-silences-token-of-length\n");
        SinkConfig config =
                SinkConfig.parse(
                        RECEIVERS
                                + """
                                silences:
                                  announcedMaintenances: false
                                  tokenFile: silences.token
                                maintenanceWindows:
                                  - name: db-failover
                                    service: chatgpt
                                    comment: planned failover
                                    from: 2024-03-02T22:00:00Z
                                    until: 2024-03-03T02:00:00Z
                                  - name: sunday-deploys
                                    service: github
                                    weekly:
                                      days: [sunday, Sat]
                                      from: "01:00"
                                      until: "05:00"
                                      timeZone: Europe/Berlin
                                """,
                        dir,
                        Map.of());

        assertThat(config.announcedMaintenances()).isFalse();
        assertThat(config.silencesToken()).isPresent();
        assertThat(config.silencesToken().get().accepts("Bearer a-silences-token-of-length"))
                .isTrue();
        assertThat(config.toString()).doesNotContain("a-silences-token-of-length");
        assertThat(config.maintenanceWindows())
                .containsExactly(
                        new MaintenanceWindow(
                                "db-failover",
                                "chatgpt",
                                "planned failover",
                                new MaintenanceWindow.OneOff(
                                        Instant.parse("2024-03-02T22:00:00Z"),
                                        Instant.parse("2024-03-03T02:00:00Z"))),
                        new MaintenanceWindow(
                                "sunday-deploys",
                                "github",
                                null,
                                new MaintenanceWindow.Weekly(
                                        Set.of(DayOfWeek.SUNDAY, DayOfWeek.SATURDAY),
                                        LocalTime.of(1, 0),
                                        LocalTime.of(5, 0),
                                        ZoneId.of("Europe/Berlin"))));
    }

    @Test
    void withoutTheSectionsAnnouncedMaintenancesCountAndTheApiIsOff() {
        SinkConfig config = SinkConfig.parse(RECEIVERS, dir, Map.of());

        assertThat(config.announcedMaintenances()).isTrue();
        assertThat(config.silencesToken()).isEmpty();
        assertThat(config.maintenanceWindows()).isEmpty();
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "maintenanceWindows: [{name: w, service: chatgpt}]"
                        + " | maintenanceWindows[0]: give from and until (one-off) or weekly (recurring), one of them",
                "maintenanceWindows: [{name: w, service: chatgpt, from: 2024-03-02T22:00:00Z}]"
                        + " | maintenanceWindows[0].until: is required",
                "maintenanceWindows: [{name: w, service: chatgpt, from: tonight, until: 2024-03-02T22:00:00Z}]"
                        + " | maintenanceWindows[0].from: 'tonight' is not an instant",
                "maintenanceWindows: [{name: w, service: chatgpt, from: 2024-03-03T22:00:00Z, until: 2024-03-02T22:00:00Z}]"
                        + " | maintenanceWindows[0]: the end 2024-03-02T22:00:00Z is not after the start",
                "maintenanceWindows: [{name: w, service: chatgpt, weekly: {days: [someday], from: '01:00', until: '02:00', timeZone: UTC}}]"
                        + " | maintenanceWindows[0].weekly.days: 'someday' is not a day",
                "maintenanceWindows: [{name: w, service: chatgpt, weekly: {days: [sun], from: '25:00', until: '02:00', timeZone: UTC}}]"
                        + " | maintenanceWindows[0].weekly.from: '25:00' is not a time of day",
                "maintenanceWindows: [{name: w, service: chatgpt, weekly: {days: [sun], from: '01:00', until: '02:00', timeZone: Mars/Olympus}}]"
                        + " | maintenanceWindows[0].weekly.timeZone: 'Mars/Olympus' is not a time zone",
                "maintenanceWindows: [{name: w, service: chatgpt, weekly: {days: [sun], from: '01:00', until: '02:00', timeZone: UTC, every: 2}}]"
                        + " | maintenanceWindows[0].weekly.every: unknown key",
                "maintenanceWindows: [{name: w, service: chatgpt, from: 2024-03-02T22:00:00Z, until: 2024-03-03T22:00:00Z}, {name: w, service: github, from: 2024-03-02T22:00:00Z, until: 2024-03-03T22:00:00Z}]"
                        + " | maintenanceWindows: name 'w' is used twice",
                "silences: {announcedMaintenances: sometimes}"
                        + " | silences.announcedMaintenances: must be true or false",
                "silences: {tokenFile: missing.token}"
                        + " | silences.tokenFile: cannot read secret file",
            })
    void badSectionsNameTheKey(String yaml, String message) {
        assertThatThrownBy(() -> SinkConfig.parse(RECEIVERS + yaml + "\n", dir, Map.of()))
                .isInstanceOf(SinkConfigException.class)
                .hasMessageStartingWith(message);
    }
}
