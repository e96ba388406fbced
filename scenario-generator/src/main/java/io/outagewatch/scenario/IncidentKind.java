package io.outagewatch.scenario;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** How a scenario's service fails; the names are the ones scenario files use. */
public enum IncidentKind {
    /** Every vantage fails and complaints surge. */
    FULL,
    /** Vantages of some regions fail; fewer people complain. */
    REGIONAL,
    /** Slow answers and some timeouts; a moderate complaint rise. */
    BROWNOUT,
    /** Down and up in turns; one incident. */
    FLAPPING,
    /** Probes see nothing wrong (or there are none); only complaints show it. */
    SOCIAL_ONLY,
    /** Probes fail but nobody complains. */
    PROBE_ONLY,
    /** The failure rate ramps up over many minutes, then the service is down. */
    SLOW_BURN;

    public String fileName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static IncidentKind fromFileName(String name) {
        return Arrays.stream(values())
                .filter(kind -> kind.fileName().equals(name))
                .findFirst()
                .orElseThrow(
                        () ->
                                new IllegalArgumentException(
                                        "incident kind '" + name + "' is not one of " + names()));
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(IncidentKind::fileName).toList();
    }
}
