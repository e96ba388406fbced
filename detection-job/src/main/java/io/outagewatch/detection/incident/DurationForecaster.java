package io.outagewatch.detection.incident;

import io.outagewatch.detection.estimate.DurationForecast;
import io.outagewatch.detection.estimate.IncidentContext;
import java.time.Instant;

/** Estimates how long an open incident lasts, and learns from each one that ends. */
@FunctionalInterface
public interface DurationForecaster {

    /** The total duration and the time left of the incident as {@code incident} describes it. */
    DurationForecast forecast(IncidentContext incident);

    /** The incident, as last known, ended at {@code resolvedAt}; nothing is learned by default. */
    default void resolved(IncidentContext incident, Instant resolvedAt) {}
}
