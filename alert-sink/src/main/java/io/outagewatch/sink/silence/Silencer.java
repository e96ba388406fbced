package io.outagewatch.sink.silence;

import io.outagewatch.events.Alert;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides whether an alert is silenced: by a stored silence (made by a person, or announced by the
 * service's status page unless those are turned off) or by an occurrence of a configured
 * maintenance window. Stored silences are read afresh on every question, so one made by {@code
 * bin/outagewatch silence} in another process counts from its next alert.
 */
public final class Silencer {

    /** Silences nothing. */
    public static final Silencer NONE = new Silencer(new MemorySilenceStore(), List.of(), false);

    private final SilenceStore store;
    private final List<MaintenanceWindow> windows;
    private final boolean announced;

    /**
     * @param announced whether silences announced by status pages count
     */
    public Silencer(SilenceStore store, List<MaintenanceWindow> windows, boolean announced) {
        this.store = Objects.requireNonNull(store, "store");
        this.windows = List.copyOf(windows);
        this.announced = announced;
    }

    public SilenceStore store() {
        return store;
    }

    /** The silence of the alert at the time it describes ({@link Silence#eventTime}). */
    public Optional<Silence> silencing(Alert alert) {
        return silencingAt(alert, Silence.eventTime(alert));
    }

    /**
     * The silence that would silence the alert's matchers at {@code instant}: whether an alert held
     * back is still silenced now.
     */
    public Optional<Silence> silencingAt(Alert alert, Instant instant) {
        return silencingAt(alert, instant, store.silences());
    }

    /** The stored silences now, to ask about many alerts with one read of the store. */
    public Snapshot snapshot() {
        return new Snapshot(store.silences());
    }

    /** The silences as they were read once; answers like the silencer. */
    public final class Snapshot {
        private final List<Silence> silences;

        private Snapshot(List<Silence> silences) {
            this.silences = List.copyOf(silences);
        }

        /** {@link Silencer#silencingAt}, on the silences read. */
        public Optional<Silence> silencingAt(Alert alert, Instant instant) {
            return Silencer.this.silencingAt(alert, instant, silences);
        }
    }

    private Optional<Silence> silencingAt(Alert alert, Instant instant, List<Silence> stored) {
        for (Silence silence : stored) {
            if (silence.source() == Silence.Source.ANNOUNCED && !announced) {
                continue;
            }
            if (silence.matches(alert) && silence.covers(instant)) {
                return Optional.of(silence);
            }
        }
        for (MaintenanceWindow window : windows) {
            if (window.service().equals(alert.service())) {
                Optional<Silence> occurrence = window.occurrenceAt(instant);
                if (occurrence.isPresent()) {
                    return occurrence;
                }
            }
        }
        return Optional.empty();
    }
}
