package io.outagewatch.detection;

import static org.assertj.core.api.Assertions.assertThat;

import io.outagewatch.events.Alert;
import io.outagewatch.events.AlertType;
import io.outagewatch.events.ProbeResult;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/** What the skewed-clock tests, live and replay, build their faults from and compare. */
public final class SkewedClocks {

    private SkewedClocks() {}

    /**
     * Onset, detection and recovery of each incident, sorted: what a skewed clock must not move.
     */
    public static List<String> incidents(List<Alert> alerts) {
        return alerts.stream()
                .filter(a -> a.type() == AlertType.OUTAGE_RECOVERED)
                .map(
                        a ->
                                a.service()
                                        + " "
                                        + a.severity()
                                        + " "
                                        + a.regions()
                                        + " started "
                                        + a.startedAt()
                                        + " detected "
                                        + a.detectedAt()
                                        + " recovered "
                                        + a.recoveredAt())
                .sorted()
                .toList();
    }

    /** The same probe, stamped by a clock that reads {@code timestamp}. */
    public static ProbeResult stampedAt(ProbeResult probe, Instant timestamp) {
        return new ProbeResult(
                probe.service(),
                probe.vantage(),
                probe.region(),
                probe.target(),
                timestamp,
                probe.success(),
                probe.latencyMs(),
                probe.statusCode(),
                probe.error());
    }

    /** A vantage that probes from outside {@code region}, the first by name; there are others. */
    public static String aVantageOutside(String region, Collection<ProbeResult> probes) {
        TreeSet<String> vantages = new TreeSet<>();
        for (ProbeResult probe : probes) {
            if (!region.equals(probe.region())) {
                vantages.add(probe.vantage());
            }
        }
        assertThat(vantages).hasSizeGreaterThan(1);
        return vantages.first();
    }
}
