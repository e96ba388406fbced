package io.outagewatch.detection.estimate;

import java.io.Serializable;

/**
 * Log time from a status-page phase ({@code identified} or {@code monitoring}) to the resolution:
 * {@code intercept + locationSlope · (the incident's predicted log total) + elapsedSlope · (log
 * time from first post to the phase) + the service's offset + scale · Z}, Z drawn from {@code
 * residuals}. The phase records are few (a few hundred, mostly OpenAI's), so the incident's kind
 * enters only through its predicted total.
 *
 * @param intercept in log seconds
 * @param locationSlope how much of the predicted log total carries over
 * @param elapsedSlope how much an incident that took longer to reach the phase takes after it
 * @param sigma the residuals' standard deviation within a service, in log seconds (each service
 *     counting once)
 * @param shrinkWeight how many of a service's own phase records the kind's prediction is worth: σ²
 *     over the variance of services' offsets after the phase
 * @param residuals the residuals' shape, standardised
 */
record PhaseRegression(
        double intercept,
        double locationSlope,
        double elapsedSlope,
        double sigma,
        double shrinkWeight,
        ResidualDistribution residuals)
        implements Serializable {

    PhaseRegression {
        DurationRegression.requirePositive("sigma", sigma);
        DurationRegression.requirePositive("shrinkWeight", shrinkWeight);
    }

    double location(double totalLocation, double logSecondsToPhase) {
        return intercept + locationSlope * totalLocation + elapsedSlope * logSecondsToPhase;
    }
}
