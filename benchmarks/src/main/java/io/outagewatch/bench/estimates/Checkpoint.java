package io.outagewatch.bench.estimates;

import io.outagewatch.detection.estimate.CorpusIncident;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Function;

/** A moment of an incident at which the backtest asks for the time remaining. */
enum Checkpoint {
    START(incident -> incident.createdAt()),
    THIRTY_MINUTES(Duration.ofMinutes(30)),
    ONE_HOUR(Duration.ofHours(1)),
    TWO_HOURS(Duration.ofHours(2)),
    IDENTIFIED(CorpusIncident::identifiedAt),
    MONITORING(CorpusIncident::monitoringAt);

    private final Function<CorpusIncident, Instant> moment;

    Checkpoint(Function<CorpusIncident, Instant> moment) {
        this.moment = moment;
    }

    Checkpoint(Duration afterFirstPost) {
        this(incident -> incident.createdAt().plus(afterFirstPost));
    }

    /** The name in the tables and the JSON: start, 30m, 1h, 2h, identified, monitoring. */
    String label() {
        return switch (this) {
            case START -> "start";
            case THIRTY_MINUTES -> "30m";
            case ONE_HOUR -> "1h";
            case TWO_HOURS -> "2h";
            default -> name().toLowerCase(Locale.ROOT);
        };
    }

    /** When the checkpoint falls for {@code incident}; null if the record has no such moment. */
    Instant in(CorpusIncident incident) {
        return moment.apply(incident);
    }
}
