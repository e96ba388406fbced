package io.outagewatch.ingest.statuspage;

import static org.assertj.core.api.Assertions.assertThat;

import io.outagewatch.events.Maintenance;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** One maintenance per mapped service, again only when it changes; forgotten when unlisted. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class MaintenanceTrackerTest {

    private static final Instant UPDATED = Instant.parse("2026-11-18T16:00:00Z");
    private static final Instant STARTS = Instant.parse("2026-11-25T02:00:00Z");
    private static final Instant ENDS = Instant.parse("2026-11-25T04:00:00Z");
    private static final PageConfig PAGE = Fixtures.statuspage("https://status.example.com");

    private final MaintenanceTracker tracker = new MaintenanceTracker();

    @Test
    void publishesNewAndChangedMaintenancesOncePerMappedService() {
        PageMaintenance both = maintenance("m-1", Maintenance.Status.SCHEDULED, "ChatGPT", "API");

        assertThat(tracker.changed(PAGE, List.of(both)))
                .extracting(Maintenance::service)
                .containsExactly("chatgpt", "openai-api");
        assertThat(tracker.changed(PAGE, List.of(both))).isEmpty();
        assertThat(
                        tracker.changed(
                                PAGE,
                                List.of(
                                        maintenance(
                                                "m-1",
                                                Maintenance.Status.IN_PROGRESS,
                                                "ChatGPT",
                                                "API"))))
                .extracting(Maintenance::status)
                .containsOnly(Maintenance.Status.IN_PROGRESS);
    }

    @Test
    void unmappedComponentsPublishNothingAndUnlistedOnesAreForgotten() {
        assertThat(
                        tracker.changed(
                                PAGE,
                                List.of(
                                        maintenance(
                                                "m-2", Maintenance.Status.SCHEDULED, "Billing"))))
                .isEmpty();

        PageMaintenance chatgpt = maintenance("m-3", Maintenance.Status.SCHEDULED, "ChatGPT");
        assertThat(tracker.changed(PAGE, List.of(chatgpt))).hasSize(1);
        assertThat(tracker.changed(PAGE, List.of())).isEmpty();
        assertThat(tracker.changed(PAGE, List.of(chatgpt)))
                .as("forgotten once unlisted, so published again")
                .hasSize(1);
    }

    private static PageMaintenance maintenance(
            String id, Maintenance.Status status, String... components) {
        return new PageMaintenance(
                id, "Database upgrade", status, STARTS, ENDS, UPDATED, null, List.of(components));
    }
}
