package io.outagewatch.ingest.statuspage;

import io.outagewatch.events.StatusUpdate;
import io.outagewatch.ingest.publish.EventPublisher;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Fixture documents and named instants shared by the tests. */
final class Fixtures {

    /** Shortly after the fixtures' last update (2026-11-20T09:30-06:00). */
    static final Instant NOW = Instant.parse("2026-11-20T16:00:00Z");

    static final Duration INTERVAL = Duration.ofSeconds(60);
    static final Duration MAX_BACKOFF = Duration.ofMinutes(15);

    static final String INCIDENTS_1 = "incidents-1-investigating.json";
    static final String INCIDENTS_2 = "incidents-2-identified.json";
    static final String INCIDENTS_3 = "incidents-3-resolved.json";
    static final String INCIDENTS_4 = "incidents-4-new-incident.json";
    static final String INCIDENTS_EDGE = "incidents-edge-cases.json";
    static final String SUMMARY = "summary-identified.json";
    static final String WIDGET_1 = "incidentio-summary-1-investigating.json";
    static final String WIDGET_2 = "incidentio-summary-2-identified.json";
    static final String WIDGET_3 = "incidentio-summary-3-none-ongoing.json";

    static final String INCIDENT_A = "ykq3m2xw9v1b";
    static final String INCIDENT_B = "p8d4n6c2r0tz";
    static final String INCIDENT_OLD = "x0ljvc9m1wxj";
    static final String INCIDENT_IO = "01JD8Z6Q3XH7K2M4N5P6R7S8T9";

    static final Map<String, String> STATUSPAGE_COMPONENTS =
            Map.of("ChatGPT", "chatgpt", "API", "openai-api");
    static final Map<String, String> INCIDENTIO_COMPONENTS =
            Map.of("ChatGPT", "chatgpt", "Sora", "sora");

    private Fixtures() {}

    static String text(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/statuspage/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(String name) {
        return text(name).getBytes(StandardCharsets.UTF_8);
    }

    static PageConfig statuspage(String base) {
        return new PageConfig(
                "example",
                PageEndpoint.INCIDENTS,
                URI.create(base),
                INTERVAL,
                STATUSPAGE_COMPONENTS,
                null);
    }

    static PageConfig incidentio(String base) {
        return new PageConfig(
                "example-io",
                PageEndpoint.WIDGET,
                URI.create(base),
                INTERVAL,
                INCIDENTIO_COMPONENTS,
                null);
    }

    /** Collects what is published. */
    static final class CollectingPublisher implements EventPublisher<StatusUpdate> {
        private final List<StatusUpdate> published = new ArrayList<>();
        private int flushes;

        @Override
        public synchronized void publish(StatusUpdate event) {
            published.add(event);
        }

        @Override
        public synchronized void flush() {
            flushes++;
        }

        @Override
        public long failedDeliveries() {
            return 0;
        }

        @Override
        public void close() {}

        synchronized List<StatusUpdate> published() {
            return List.copyOf(published);
        }

        /** Everything published since the last call. */
        synchronized List<StatusUpdate> drain() {
            List<StatusUpdate> drained = List.copyOf(published);
            published.clear();
            return drained;
        }

        synchronized int flushes() {
            return flushes;
        }
    }
}
