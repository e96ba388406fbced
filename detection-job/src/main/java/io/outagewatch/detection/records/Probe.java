package io.outagewatch.detection.records;

import io.outagewatch.events.ProbeResult;
import java.util.Objects;
import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * What the detector needs of one probe result, and no more: the form a probe takes on its way from
 * its source to the vantage windows. The target, status code and error text stay behind, which
 * makes the shuffle by vantage cheaper; the {@code fingerprint} still tells exact duplicates apart.
 *
 * @param latencyMs the latency of a successful probe, NaN when failed or not measured
 * @param timeout a failure whose error names a timeout
 * @param fingerprint a 64-bit hash of every field of the probe result: equal for exact duplicates
 * @param leadMillis how far the probe's event time was ahead of the watermark where it entered the
 *     job (negative when behind); 0 when no watermark had arrived yet (see {@link
 *     io.outagewatch.detection.functions.ProbeFields})
 */
@TypeInfo(ProbeSerializer.Factory.class)
public record Probe(
        String service,
        String vantage,
        String region,
        long timestampMillis,
        boolean success,
        double latencyMs,
        boolean timeout,
        long fingerprint,
        long leadMillis) {

    public Probe {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(vantage, "vantage");
    }

    public static Probe of(ProbeResult result, long leadMillis) {
        boolean timeout =
                !result.success() && result.error() != null && result.error().contains("timeout");
        double latency =
                result.success() && result.latencyMs() != null ? result.latencyMs() : Double.NaN;
        return new Probe(
                result.service(),
                result.vantage(),
                result.region(),
                result.timestamp().toEpochMilli(),
                result.success(),
                latency,
                timeout,
                fingerprint(result),
                leadMillis);
    }

    public boolean hasLatency() {
        return !Double.isNaN(latencyMs);
    }

    /** FNV-1a over the fields' hashes, 64 bits wide: collisions are negligible within a minute. */
    private static long fingerprint(ProbeResult result) {
        long hash = 0xcbf29ce484222325L;
        for (Object field :
                new Object[] {
                    result.service(),
                    result.vantage(),
                    result.region(),
                    result.target(),
                    result.timestamp(),
                    result.success(),
                    result.latencyMs(),
                    result.statusCode(),
                    result.error()
                }) {
            hash = (hash ^ Objects.hashCode(field)) * 0x100000001b3L;
            hash ^= hash >>> 29;
        }
        return hash;
    }
}
