package io.outagewatch.events;

/** How badly a service is affected. The wire name is the constant's name. */
public enum Severity {
    /** Most requests fail everywhere. */
    MAJOR,
    /** Failures limited to some regions or some vantages. */
    PARTIAL,
    /** The service answers, but slowly or with elevated error rates. */
    DEGRADED
}
