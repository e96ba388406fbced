package io.outagewatch.detection.time;

import java.time.Duration;
import java.time.Instant;

/** How a wrong clock stamps a record: ahead by a fixed amount, or always in 2099. */
enum Skew {
    FIVE_MINUTES_AHEAD(Duration.ofMinutes(5)),
    FIFTY_MINUTES_AHEAD(Duration.ofMinutes(50)),
    A_DAY_AHEAD(Duration.ofDays(1)),
    IN_2099(null);

    static final long YEAR_2099 = Instant.parse("2099-01-01T00:00:00Z").toEpochMilli();

    private final Duration ahead;

    Skew(Duration ahead) {
        this.ahead = ahead;
    }

    /** The stamp such a clock puts on a record made at {@code eventTime}. */
    long stamp(long eventTime) {
        return ahead == null ? YEAR_2099 : eventTime + ahead.toMillis();
    }
}
