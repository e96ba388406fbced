package io.outagewatch.detection.incident;

import static org.assertj.core.api.Assertions.assertThat;

import io.outagewatch.detection.StateSerialization;
import io.outagewatch.events.Alert;
import io.outagewatch.events.RelatedIncident;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IncidentLinkerTest {

    private static final Instant STORAGE_ONSET = Instant.parse("2024-05-14T13:40:00Z");
    private static final Instant API_ONSET = Instant.parse("2024-05-14T13:41:00Z");
    private static final Instant QUEUE_ONSET = Instant.parse("2024-05-14T13:42:00Z");
    private static final Instant FIX = Instant.parse("2024-05-14T14:00:00Z");
    private static final Instant MINUTE_AFTER_FIX = FIX.plus(Duration.ofMinutes(1));

    private static final IncidentAlerts STORAGE =
            IncidentAlerts.of("storage", List.of("us-east"), STORAGE_ONSET);
    private static final IncidentAlerts API =
            IncidentAlerts.of("api", List.of("eu-west", "us-east"), API_ONSET);
    private static final IncidentAlerts QUEUE =
            IncidentAlerts.of("queue", List.of("us-east"), QUEUE_ONSET);
    private static final IncidentAlerts EU_CHAT =
            IncidentAlerts.of("chat", List.of("eu-west"), API_ONSET);
    private static final IncidentAlerts AP_CHAT =
            IncidentAlerts.of("chat", List.of("ap-south"), API_ONSET);

    @Test
    void eachLaterAlertNamesTheOtherServicesFailingInTheSameRegion() {
        IncidentLinker linker = new IncidentLinker(IncidentLinker.DEFAULT_CAPACITY, List.of());

        Alert storageStarted = linker.link(STORAGE.started(minuteAfter(STORAGE_ONSET)));
        Alert apiStarted = linker.link(API.started(minuteAfter(API_ONSET)));
        Alert queueStarted = linker.link(QUEUE.started(minuteAfter(QUEUE_ONSET)));
        Alert storageUpdated = linker.link(STORAGE.updated(2, minuteAfter(QUEUE_ONSET)));

        assertThat(storageStarted.related()).isEmpty();
        assertThat(services(apiStarted)).containsExactly("storage");
        assertThat(services(queueStarted)).containsExactly("storage", "api");
        assertThat(services(storageUpdated)).containsExactly("api", "queue");
        assertThat(storageUpdated.related().get(0))
                .isEqualTo(
                        new RelatedIncident(
                                API.incidentId(), "api", List.of("eu-west", "us-east"), API_ONSET));
    }

    @Test
    void aServiceFailingInAnotherRegionAtTheSameTimeIsNotRelated() {
        IncidentLinker linker = new IncidentLinker(IncidentLinker.DEFAULT_CAPACITY, List.of());

        linker.link(STORAGE.started(minuteAfter(STORAGE_ONSET)));
        Alert apChat = linker.link(AP_CHAT.started(minuteAfter(API_ONSET)));
        Alert storageUpdated = linker.link(STORAGE.updated(2, minuteAfter(QUEUE_ONSET)));

        assertThat(apChat.related()).isEmpty();
        assertThat(storageUpdated.related()).isEmpty();
    }

    @Test
    void sharingOneOfSeveralRegionsIsEnough() {
        IncidentLinker linker = new IncidentLinker(IncidentLinker.DEFAULT_CAPACITY, List.of());

        linker.link(EU_CHAT.started(minuteAfter(API_ONSET)));
        Alert api = linker.link(API.started(minuteAfter(API_ONSET)));

        assertThat(services(api)).containsExactly("chat");
    }

    @Test
    void anIncidentWithoutRegionsOverlapsEveryRegion() {
        IncidentLinker linker = new IncidentLinker(IncidentLinker.DEFAULT_CAPACITY, List.of());
        IncidentAlerts everywhere = IncidentAlerts.of("search", List.of(), STORAGE_ONSET);

        linker.link(AP_CHAT.started(minuteAfter(API_ONSET)));
        linker.link(STORAGE.started(minuteAfter(STORAGE_ONSET)));
        Alert search = linker.link(everywhere.started(minuteAfter(QUEUE_ONSET)));

        assertThat(services(search)).containsExactly("storage", "chat");
    }

    @Test
    void anOutageThatEndedBeforeAnotherBeganIsNotRelated() {
        IncidentLinker linker = new IncidentLinker(IncidentLinker.DEFAULT_CAPACITY, List.of());
        IncidentAlerts laterQueue = IncidentAlerts.of("queue", List.of("us-east"), FIX);

        linker.link(STORAGE.started(minuteAfter(STORAGE_ONSET)));
        linker.link(STORAGE.recovered(2, FIX, MINUTE_AFTER_FIX));
        Alert queue = linker.link(laterQueue.started(MINUTE_AFTER_FIX));

        assertThat(queue.related()).isEmpty();
    }

    @Test
    void theLastRecoveryStillNamesTheOnesThatRecoveredJustBefore() {
        IncidentLinker linker = new IncidentLinker(IncidentLinker.DEFAULT_CAPACITY, List.of());

        linker.link(STORAGE.started(minuteAfter(STORAGE_ONSET)));
        linker.link(QUEUE.started(minuteAfter(QUEUE_ONSET)));
        Alert storageRecovered = linker.link(STORAGE.recovered(2, FIX, MINUTE_AFTER_FIX));
        Alert queueRecovered =
                linker.link(QUEUE.recovered(2, MINUTE_AFTER_FIX, minuteAfter(MINUTE_AFTER_FIX)));

        assertThat(services(storageRecovered)).containsExactly("queue");
        assertThat(services(queueRecovered)).containsExactly("storage");
    }

    @Test
    void aRecoveredIncidentIsForgottenAfterItWasKeptLongEnough() {
        IncidentLinker linker = new IncidentLinker(IncidentLinker.DEFAULT_CAPACITY, List.of());
        linker.link(STORAGE.started(minuteAfter(STORAGE_ONSET)));
        linker.link(QUEUE.started(minuteAfter(QUEUE_ONSET)));
        linker.link(STORAGE.recovered(2, FIX, MINUTE_AFTER_FIX));
        Instant forgetAt = FIX.plus(IncidentLinker.RECOVERED_KEPT_FOR);

        assertThat(linker.forgetRecoveredBy(MINUTE_AFTER_FIX)).contains(forgetAt);
        assertThat(linker.known()).hasSize(2);
        assertThat(linker.forgetRecoveredBy(forgetAt)).isEmpty();
        assertThat(linker.known()).extracting(KnownIncident::service).containsExactly("queue");
    }

    @Test
    void aServiceIsNeverRelatedToItself() {
        IncidentLinker linker = new IncidentLinker(IncidentLinker.DEFAULT_CAPACITY, List.of());
        IncidentAlerts earlierStorage =
                IncidentAlerts.of("storage", List.of("us-east"), STORAGE_ONSET.minusSeconds(600));

        linker.link(earlierStorage.started(minuteAfter(earlierStorage.startedAt())));
        linker.link(earlierStorage.recovered(2, STORAGE_ONSET, minuteAfter(STORAGE_ONSET)));
        Alert storage = linker.link(STORAGE.started(minuteAfter(STORAGE_ONSET)));

        assertThat(storage.related()).isEmpty();
    }

    @Test
    void overCapacityTheRecoveredAndThenTheOldestAreForgotten() {
        IncidentLinker linker = new IncidentLinker(2, List.of());

        linker.link(STORAGE.started(minuteAfter(STORAGE_ONSET)));
        linker.link(API.started(minuteAfter(API_ONSET)));
        linker.link(QUEUE.started(minuteAfter(QUEUE_ONSET)));

        assertThat(linker.known())
                .extracting(KnownIncident::service)
                .containsExactly("api", "queue");
    }

    @Test
    void namesAtMostTheAlertsLimitEarliestFirst() {
        IncidentLinker linker = new IncidentLinker(IncidentLinker.DEFAULT_CAPACITY, List.of());
        for (int i = 0; i <= Alert.MAX_RELATED; i++) {
            IncidentAlerts other =
                    IncidentAlerts.of(
                            "svc-" + i, List.of("us-east"), STORAGE_ONSET.plusSeconds(60L * i));
            linker.link(other.started(minuteAfter(other.startedAt())));
        }

        Alert queue = linker.link(QUEUE.started(STORAGE_ONSET.plus(Duration.ofHours(1))));

        assertThat(queue.related()).hasSize(Alert.MAX_RELATED);
        assertThat(queue.related().get(0).service()).isEqualTo("svc-0");
    }

    @Test
    void whatItRemembersRestoresToTheSameLinks() {
        IncidentLinker linker = new IncidentLinker(IncidentLinker.DEFAULT_CAPACITY, List.of());
        linker.link(STORAGE.started(minuteAfter(STORAGE_ONSET)));
        linker.link(API.started(minuteAfter(API_ONSET)));
        List<KnownIncident> saved = new ArrayList<>();
        for (KnownIncident incident : linker.known()) {
            saved.add(StateSerialization.copy(incident, KnownIncident.class));
        }

        IncidentLinker restored = new IncidentLinker(IncidentLinker.DEFAULT_CAPACITY, saved);
        Alert queue = QUEUE.started(minuteAfter(QUEUE_ONSET));

        assertThat(restored.link(queue)).isEqualTo(linker.link(queue));
    }

    private static Instant minuteAfter(Instant instant) {
        return instant.plus(Duration.ofMinutes(1));
    }

    private static List<String> services(Alert alert) {
        return alert.related().stream().map(RelatedIncident::service).toList();
    }
}
