package io.outagewatch.sink.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(10)
class FileDeliveryLogTest {

    private static final Instant NOW = TestAlerts.NOW;
    private static final Duration RETENTION = Duration.ofDays(14);

    @TempDir Path dir;

    @Test
    void recordsSurviveReopening() throws IOException {
        Path file = dir.resolve("data/delivery-log");
        FakeTime time = new FakeTime(NOW);
        DeliveryRecord delivered = record("inc-1", 1, "oncall", DeliveryOutcome.DELIVERED, NOW);
        DeliveryRecord rejected = record("inc-1", 1, "slack", DeliveryOutcome.REJECTED, NOW);
        try (FileDeliveryLog log = FileDeliveryLog.open(file, RETENTION, time)) {
            assertThat(log.find("inc-1", 1, "oncall")).isEmpty();
            log.record(delivered);
            log.record(rejected);
        }

        try (FileDeliveryLog log = FileDeliveryLog.open(file, RETENTION, time)) {
            assertThat(log.find("inc-1", 1, "oncall")).contains(delivered);
            assertThat(log.find("inc-1", 1, "slack")).contains(rejected);
            assertThat(log.find("inc-1", 2, "oncall")).isEmpty();
            assertThat(log.find("inc-2", 1, "oncall")).isEmpty();
        }
    }

    @Test
    void aLongRunningLogHoldsOnlyTheRetentionInMemory() throws IOException {
        FakeTime time = new FakeTime(NOW);
        try (FileDeliveryLog log = FileDeliveryLog.open(dir.resolve("log"), RETENTION, time)) {
            for (int version = 1; version <= 3; version++) {
                log.record(record("inc-1", version, "oncall", DeliveryOutcome.DELIVERED, NOW));
            }
            assertThat(log.size()).isEqualTo(3);
            assertThat(log.latestDelivered("inc-1", "oncall")).hasValue(3);

            time.advance(RETENTION.plusSeconds(1));
            Instant later = time.instant();
            log.record(record("inc-2", 1, "oncall", DeliveryOutcome.DELIVERED, later));

            assertThat(log.size()).isEqualTo(1);
            assertThat(log.find("inc-1", 3, "oncall")).isEmpty();
            assertThat(log.latestDelivered("inc-1", "oncall")).isEmpty();
            assertThat(log.latestDelivered("inc-2", "oncall")).hasValue(1);
        }
    }

    @Test
    void theLatestDeliveredVersionIgnoresRefusalsAndOtherReceivers() throws IOException {
        FakeTime time = new FakeTime(NOW);
        Path file = dir.resolve("log");
        try (FileDeliveryLog log = FileDeliveryLog.open(file, RETENTION, time)) {
            log.record(record("inc-1", 2, "oncall", DeliveryOutcome.DELIVERED, NOW));
            log.record(record("inc-1", 3, "oncall", DeliveryOutcome.REJECTED, NOW));
            log.record(record("inc-1", 1, "oncall", DeliveryOutcome.DELIVERED, NOW));
            log.record(record("inc-1", 5, "slack", DeliveryOutcome.DELIVERED, NOW));
        }
        try (FileDeliveryLog log = FileDeliveryLog.open(file, RETENTION, time)) {
            assertThat(log.latestDelivered("inc-1", "oncall")).hasValue(2);
            assertThat(log.latestDelivered("inc-1", "slack")).hasValue(5);
            assertThat(log.latestDelivered("inc-1", "archive")).isEmpty();
        }
    }

    @Test
    void openingCompactsAwayRecordsOlderThanTheRetention() throws IOException {
        Path file = dir.resolve("delivery-log");
        Instant old = NOW.minus(RETENTION).minusSeconds(1);
        Instant recent = NOW.minus(RETENTION);
        try (FileDeliveryLog log = FileDeliveryLog.open(file, RETENTION, new FakeTime(old))) {
            log.record(record("inc-old", 1, "oncall", DeliveryOutcome.DELIVERED, old));
            log.record(record("inc-new", 1, "oncall", DeliveryOutcome.DELIVERED, recent));
        }

        try (FileDeliveryLog log = FileDeliveryLog.open(file, RETENTION, new FakeTime(NOW))) {
            assertThat(log.records())
                    .extracting(DeliveryRecord::incidentId)
                    .containsExactly("inc-new");
        }
        assertThat(Files.readAllLines(file)).hasSize(1).allMatch(l -> l.contains("inc-new"));
    }

    @Test
    void aTornLastLineIsDroppedAndABadLineElsewhereFails() throws IOException {
        Path file = dir.resolve("delivery-log");
        FakeTime time = new FakeTime(NOW);
        try (FileDeliveryLog log = FileDeliveryLog.open(file, RETENTION, time)) {
            log.record(record("inc-1", 1, "oncall", DeliveryOutcome.DELIVERED, NOW));
        }
        Files.writeString(
                file,
                "{\"incidentId\":\"inc-1\",\"ver",
                StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);

        try (FileDeliveryLog log = FileDeliveryLog.open(file, RETENTION, time)) {
            assertThat(log.records()).hasSize(1);
            log.record(record("inc-1", 2, "oncall", DeliveryOutcome.DELIVERED, NOW));
        }
        assertThat(Files.readAllLines(file)).hasSize(2);

        Files.writeString(file, "not json\n" + Files.readString(file), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> FileDeliveryLog.open(file, RETENTION, time))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("line 1 is not valid");
    }

    @Test
    void aLogInUseCannotBeOpenedTwice() throws IOException {
        Path file = dir.resolve("delivery-log");
        FakeTime time = new FakeTime(NOW);
        try (FileDeliveryLog log = FileDeliveryLog.open(file, RETENTION, time)) {
            assertThatThrownBy(() -> FileDeliveryLog.open(file, RETENTION, time))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("is in use by another sink");
        }
    }

    private static DeliveryRecord record(
            String incident, int version, String receiver, DeliveryOutcome outcome, Instant at) {
        return new DeliveryRecord(incident, version, receiver, outcome, at);
    }
}
