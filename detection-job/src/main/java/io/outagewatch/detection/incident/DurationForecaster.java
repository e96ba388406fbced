package io.outagewatch.detection.incident;

import io.outagewatch.detection.duration.DurationEstimate;
import java.time.Duration;

/** Forecasts the total duration of an open incident given how long it has lasted so far. */
@FunctionalInterface
public interface DurationForecaster {
    DurationEstimate forecast(Duration elapsed);
}
