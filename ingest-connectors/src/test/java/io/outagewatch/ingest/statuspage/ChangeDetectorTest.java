package io.outagewatch.ingest.statuspage;

import static org.assertj.core.api.Assertions.assertThat;

import io.outagewatch.events.StatusUpdate;
import io.outagewatch.events.StatusUpdate.Impact;
import io.outagewatch.events.StatusUpdate.Status;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ChangeDetectorTest {

    private static final Instant NOW = Instant.parse("2026-11-20T16:00:00Z");
    private static final Instant T1 = Instant.parse("2026-11-20T14:00:00Z");
    private static final Instant T2 = Instant.parse("2026-11-20T14:30:00Z");
    private static final Instant LONG_AGO = NOW.minus(Duration.ofDays(3));
    private static final Duration BACKFILL = Duration.ofHours(24);
    private static final Duration RETENTION = Duration.ofDays(7);
    private static final String ID = "inc1";

    private static final PageConfig PAGE =
            new PageConfig(
                    "example",
                    PageEndpoint.INCIDENTS,
                    URI.create("https://status.example.test"),
                    Duration.ofSeconds(60),
                    Map.of("ChatGPT", "chatgpt", "API", "openai-api"),
                    null);

    private final IncidentLedger ledger = new IncidentLedger();
    private final ChangeDetector detector = new ChangeDetector(ledger, BACKFILL, RETENTION);

    static Stream<Arguments> decisions() {
        return Stream.of(
                Arguments.of("first sight", null, incident(Status.INVESTIGATING, T1), Decision.NEW),
                Arguments.of(
                        "same time and status",
                        entry(Status.INVESTIGATING, T1),
                        incident(Status.INVESTIGATING, T1),
                        Decision.UNCHANGED),
                Arguments.of(
                        "newer time",
                        entry(Status.INVESTIGATING, T1),
                        incident(Status.INVESTIGATING, T2),
                        Decision.UPDATED),
                Arguments.of(
                        "newer time, new status",
                        entry(Status.INVESTIGATING, T1),
                        incident(Status.IDENTIFIED, T2),
                        Decision.UPDATED),
                Arguments.of(
                        "same time, new status",
                        entry(Status.INVESTIGATING, T1),
                        incident(Status.MONITORING, T1),
                        Decision.STATUS_CHANGED),
                Arguments.of(
                        "older time",
                        entry(Status.IDENTIFIED, T2),
                        incident(Status.INVESTIGATING, T1),
                        Decision.STALE),
                Arguments.of(
                        "first sight, resolved recently",
                        null,
                        incident(Status.RESOLVED, T1),
                        Decision.NEW),
                Arguments.of(
                        "first sight, resolved long ago",
                        null,
                        incident(Status.RESOLVED, LONG_AGO),
                        Decision.OLD_RESOLVED),
                Arguments.of(
                        "first sight, ongoing though old",
                        null,
                        incident(Status.MONITORING, LONG_AGO),
                        Decision.NEW),
                Arguments.of(
                        "no mapped component",
                        null,
                        new PageIncident(
                                ID, "t", Status.INVESTIGATING, null, T1, null, List.of("Billing")),
                        Decision.UNMAPPED),
                Arguments.of(
                        "breaks the contract",
                        null,
                        new PageIncident(
                                "x".repeat(129),
                                "t",
                                Status.INVESTIGATING,
                                null,
                                T1,
                                null,
                                List.of("API")),
                        Decision.INVALID));
    }

    @ParameterizedTest(name = "{0} -> {3}")
    @MethodSource("decisions")
    void decides(
            String name, IncidentLedger.Entry known, PageIncident incident, Decision expected) {
        if (known != null) {
            ledger.put(PAGE.name(), incident.id(), known);
        }

        Detection detection = detector.detect(PAGE, snapshot(false, incident), NOW);

        assertThat(detection.decisions()).containsOnlyKeys(expected);
        assertThat(detection.updates()).hasSize(expected.publishes() ? 1 : 0);
        if (expected.publishes()) {
            assertThat(ledger.get(PAGE.name(), incident.id()).updatedAt())
                    .isEqualTo(incident.updatedAt());
        }
        if (expected == Decision.OLD_RESOLVED) {
            assertThat(ledger.get(PAGE.name(), incident.id())).isNotNull();
        }
    }

    @Test
    void oneUpdatePerMappedServiceElseTheDefaultService() {
        PageIncident both =
                new PageIncident(
                        ID,
                        "t",
                        Status.INVESTIGATING,
                        Impact.MAJOR,
                        T1,
                        null,
                        List.of("API", "Billing", "ChatGPT", "API"));
        PageConfig withDefault =
                new PageConfig(
                        PAGE.name(),
                        PAGE.endpoint(),
                        PAGE.baseUrl(),
                        PAGE.interval(),
                        PAGE.components(),
                        "example-ai");
        PageIncident unmapped =
                new PageIncident(
                        "inc2", "t", Status.INVESTIGATING, null, T1, null, List.of("Billing"));

        Detection detection = detector.detect(withDefault, snapshot(false, both, unmapped), NOW);

        assertThat(detection.updates())
                .extracting(StatusUpdate::service, StatusUpdate::incidentId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("openai-api", ID),
                        org.assertj.core.groups.Tuple.tuple("chatgpt", ID),
                        org.assertj.core.groups.Tuple.tuple("example-ai", "inc2"));
    }

    @Test
    void anOngoingIncidentMissingFromAnOngoingOnlyPageIsResolvedAtPollTime() {
        detector.detect(
                PAGE,
                snapshot(
                        true,
                        new PageIncident(
                                ID,
                                "Errors",
                                Status.IDENTIFIED,
                                Impact.MAJOR,
                                T1,
                                "https://status.example.test/incidents/inc1",
                                List.of("ChatGPT"))),
                NOW);

        Detection gone = detector.detect(PAGE, snapshot(true), NOW);
        Detection stillGone = detector.detect(PAGE, snapshot(true), NOW.plusSeconds(60));

        assertThat(gone.updates())
                .containsExactly(
                        new StatusUpdate(
                                "chatgpt",
                                NOW,
                                ID,
                                Status.RESOLVED,
                                Impact.MAJOR,
                                "Errors",
                                "https://status.example.test/incidents/inc1"));
        assertThat(gone.count(Decision.DISAPPEARED)).isEqualTo(1);
        assertThat(stillGone.updates()).isEmpty();
        assertThat(stillGone.stateChanged()).isFalse();
    }

    @Test
    void anUnreadableIncidentIsNotTakenForResolved() {
        detector.detect(PAGE, snapshot(true, incident(Status.INVESTIGATING, T1)), NOW);

        Detection detection =
                detector.detect(PAGE, new PageSnapshot(List.of(), Set.of(ID), 1, true), NOW);

        assertThat(detection.updates()).isEmpty();
    }

    @Test
    void absentIncidentsAreForgottenAfterTheRetention() {
        detector.detect(PAGE, snapshot(false, incident(Status.RESOLVED, T1)), NOW);

        detector.detect(PAGE, snapshot(false), T1.plus(RETENTION).minusSeconds(1));
        assertThat(ledger.size()).isEqualTo(1);
        Detection pruned =
                detector.detect(PAGE, snapshot(false), T1.plus(RETENTION).plusSeconds(1));

        assertThat(pruned.stateChanged()).isTrue();
        assertThat(ledger.size()).isZero();
    }

    @Test
    void anOverlongTitleIsCutToTheContractMaximum() {
        PageIncident longTitle =
                new PageIncident(
                        ID, "é".repeat(2000), Status.INVESTIGATING, null, T1, null, List.of("API"));

        Detection detection = detector.detect(PAGE, snapshot(false, longTitle), NOW);

        assertThat(detection.updates().get(0).title()).hasSize(StatusUpdate.TITLE_MAX_CHARS);
    }

    private static PageIncident incident(Status status, Instant updatedAt) {
        return new PageIncident(
                ID, "Errors", status, Impact.MINOR, updatedAt, null, List.of("ChatGPT"));
    }

    private static IncidentLedger.Entry entry(Status status, Instant updatedAt) {
        return new IncidentLedger.Entry(
                updatedAt, status, Impact.MINOR, "Errors", null, List.of("chatgpt"));
    }

    private static PageSnapshot snapshot(boolean ongoingOnly, PageIncident... incidents) {
        return new PageSnapshot(List.of(incidents), Set.of(), 0, ongoingOnly);
    }
}
