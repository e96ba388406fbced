package io.outagewatch.ingest.statuspage;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Which status-page product hosts a page, and so which endpoint and format it is read with. */
public enum PageKind {
    /** Atlassian Statuspage public API v2. */
    STATUSPAGE,
    /** incident.io status page, read through its official Widget API. */
    INCIDENTIO;

    /** The name used in the config file. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @throws StatusPageConfigException naming {@code field} when {@code text} is no kind
     */
    static PageKind parse(String field, String text) {
        for (PageKind kind : values()) {
            if (kind.configName().equals(text)) {
                return kind;
            }
        }
        throw new StatusPageConfigException(
                field + ": '" + text + "' is not one of " + names(values()));
    }

    static String names(Enum<?>[] values) {
        return Arrays.stream(values)
                .map(value -> value.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
    }
}
