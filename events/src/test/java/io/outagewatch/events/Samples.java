package io.outagewatch.events;

import java.time.Instant;
import java.util.List;

/** Valid events for tests: one with every optional field set and one with none. */
final class Samples {
    static final Instant OUTAGE_START = Instant.parse("2023-11-08T13:42:00Z");

    private Samples() {}

    static ProbeResult fullProbe() {
        return new ProbeResult(
                "chatgpt",
                "fra-1",
                "eu-west",
                "https://chat.openai.com/api/health?deep=1",
                Instant.parse("2023-11-08T13:42:05.123Z"),
                false,
                1234.5,
                503,
                "HTTP 503 Service Unavailable");
    }

    static ProbeResult minimalProbe() {
        return new ProbeResult(
                "chatgpt", "iad-2", null, null, OUTAGE_START, true, null, null, null);
    }

    static SocialReport fullReport() {
        return new SocialReport(
                Instant.parse("2023-11-08T13:44:10Z"),
                "¿se cayó chatgpt? 😩 \"error\" again",
                "bluesky",
                "did:plc:abc123",
                "es",
                "chatgpt",
                "eu-west");
    }

    static SocialReport minimalReport() {
        return new SocialReport(
                Instant.parse("2023-11-08T13:44:11Z"),
                "chatgpt not working",
                null,
                null,
                null,
                null,
                null);
    }

    static StatusUpdate fullStatus() {
        return new StatusUpdate(
                "chatgpt",
                Instant.parse("2023-11-08T14:30:00Z"),
                "yp8kx2y5ws2r",
                StatusUpdate.Status.INVESTIGATING,
                StatusUpdate.Impact.MAJOR,
                "Elevated error rates on ChatGPT and the API",
                "https://status.openai.com/incidents/yp8kx2y5ws2r");
    }

    static StatusUpdate minimalStatus() {
        return new StatusUpdate(
                "chatgpt",
                Instant.parse("2023-11-08T16:00:00Z"),
                "yp8kx2y5ws2r",
                StatusUpdate.Status.RESOLVED,
                null,
                null,
                null);
    }

    static Evidence fullEvidence() {
        return new Evidence(
                0.92, 0.01, List.of("fra-1", "iad-2", "sin-1"), List.of("syd-1"), 47.5, 0.8, 12.25);
    }

    static Evidence minimalEvidence() {
        return new Evidence(null, null, null, null, null, null, 3.0);
    }

    static Alert fullStartedAlert() {
        return new Alert(
                "chatgpt-20231108-1342",
                AlertType.OUTAGE_STARTED,
                "chatgpt",
                Severity.MAJOR,
                List.of("eu-west", "us-east"),
                OUTAGE_START,
                Instant.parse("2023-11-08T13:43:30Z"),
                null,
                null,
                5400L,
                1800L,
                10800L,
                fullEvidence(),
                fullStatus(),
                2790L,
                1,
                4500L,
                900L,
                9000L,
                "typical of major outages, and 3 past ChatGPT incidents",
                Instant.parse("2023-11-08T13:44:00Z"));
    }

    /** An update of today's kind: the time left shrinks, and the basis says where it comes from. */
    static Alert updatedAlertWithTimeLeft() {
        return new Alert(
                "chatgpt-20231108-1342",
                AlertType.OUTAGE_UPDATED,
                "chatgpt",
                Severity.MAJOR,
                List.of("eu-west", "us-east"),
                OUTAGE_START,
                Instant.parse("2023-11-08T13:43:30Z"),
                null,
                null,
                9360L,
                2640L,
                57600L,
                fullEvidence(),
                fullStatus(),
                2790L,
                4,
                6600L,
                0L,
                54000L,
                "from 41 past ChatGPT incidents, in monitoring",
                Instant.parse("2023-11-08T16:04:00Z"));
    }

    /** An update naming two other services failing in the same region at the same time. */
    static Alert updatedAlertWithRelated() {
        return updatedAlertWithTimeLeft()
                .withRelated(
                        List.of(
                                new RelatedIncident(
                                        "api-20231108-1340",
                                        "api",
                                        List.of("us-east"),
                                        Instant.parse("2023-11-08T13:40:00Z")),
                                new RelatedIncident(
                                        "storage-20231108-1343",
                                        "storage",
                                        List.of(),
                                        Instant.parse("2023-11-08T13:43:00Z"))));
    }

    /** An alert written before the time left and the basis existed: the 16-field shape. */
    static Alert startedAlertWithoutTimeLeft() {
        return new Alert(
                "chatgpt-20231108-1342",
                AlertType.OUTAGE_STARTED,
                "chatgpt",
                Severity.MAJOR,
                List.of("eu-west", "us-east"),
                OUTAGE_START,
                Instant.parse("2023-11-08T13:43:30Z"),
                null,
                null,
                5400L,
                1800L,
                10800L,
                fullEvidence(),
                fullStatus(),
                2790L,
                1);
    }

    static Alert minimalStartedAlert() {
        return new Alert(
                "chatgpt-20231108-1342",
                AlertType.OUTAGE_STARTED,
                "chatgpt",
                Severity.DEGRADED,
                null,
                OUTAGE_START,
                Instant.parse("2023-11-08T13:43:30Z"),
                null,
                null,
                600L,
                300L,
                1200L,
                minimalEvidence(),
                null,
                null,
                1);
    }

    static Alert fullRecoveredAlert() {
        return new Alert(
                "chatgpt-20231108-1342",
                AlertType.OUTAGE_RECOVERED,
                "chatgpt",
                Severity.PARTIAL,
                List.of("eu-west"),
                OUTAGE_START,
                Instant.parse("2023-11-08T13:43:30Z"),
                Instant.parse("2023-11-08T15:40:00Z"),
                7080L,
                5400L,
                1800L,
                10800L,
                fullEvidence(),
                minimalStatus(),
                2790L,
                7);
    }

    static Alert minimalRecoveredAlert() {
        return new Alert(
                "chatgpt-20231108-1342",
                AlertType.OUTAGE_RECOVERED,
                "chatgpt",
                Severity.MAJOR,
                null,
                OUTAGE_START,
                OUTAGE_START,
                Instant.parse("2023-11-08T15:40:00Z"),
                7080L,
                null,
                null,
                null,
                minimalEvidence(),
                null,
                null,
                2);
    }

    static DeadLetter fullDeadLetter() {
        return DeadLetter.of(
                "probe-results-3-1042",
                "{\"service\":\"ChatGPT\"}\n\ttab, \u0000 nul, ünïcödé",
                "invalid_id: service \"ChatGPT\" must match [a-z0-9][a-z0-9._-]{0,63}",
                Instant.parse("2023-11-08T13:42:07Z"));
    }

    static DeadLetter minimalDeadLetter() {
        return DeadLetter.of(
                "replay.jsonl:17", "", "malformed_json: input holds no JSON value", OUTAGE_START);
    }
}
