package io.outagewatch.ingest.intake;

import io.outagewatch.events.SocialReport;
import io.outagewatch.ingest.publish.EventPublisher;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what the endpoint publishes, for tests; can be told to refuse everything. */
final class CollectingPublisher implements EventPublisher<SocialReport> {

    private final List<SocialReport> published = new CopyOnWriteArrayList<>();
    private final boolean refuse;

    CollectingPublisher() {
        this(false);
    }

    private CollectingPublisher(boolean refuse) {
        this.refuse = refuse;
    }

    static CollectingPublisher refusing() {
        return new CollectingPublisher(true);
    }

    List<SocialReport> published() {
        return List.copyOf(published);
    }

    void clear() {
        published.clear();
    }

    @Override
    public void publish(SocialReport event) {
        if (refuse) {
            throw new IllegalStateException("publisher is closed");
        }
        published.add(event);
    }

    @Override
    public void flush() {}

    @Override
    public long failedDeliveries() {
        return 0;
    }

    @Override
    public void close() {}
}
