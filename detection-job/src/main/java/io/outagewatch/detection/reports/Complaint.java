package io.outagewatch.detection.reports;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * One user complaining about one service at one moment.
 *
 * @param service the catalog id of the service complained about
 * @param region the region the post is about, or {@code null} when unknown
 * @param authorKey who complained: the author id, or for anonymous posts a stand-in derived from
 *     source and text, so identical anonymous reposts count as one reporter
 * @param timestamp when the post was published
 */
public record Complaint(String service, String region, String authorKey, Instant timestamp)
        implements Serializable {

    public Complaint {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(authorKey, "authorKey");
        Objects.requireNonNull(timestamp, "timestamp");
    }
}
