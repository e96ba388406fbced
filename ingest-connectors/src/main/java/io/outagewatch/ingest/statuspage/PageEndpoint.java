package io.outagewatch.ingest.statuspage;

import java.util.Locale;

/**
 * The document a page is polled for. Endpoints that list only ongoing incidents tell a resolution
 * by the incident's disappearance; {@link #INCIDENTS} lists resolved ones too.
 */
public enum PageEndpoint {
    /**
     * Statuspage {@code /api/v2/incidents.json}: the 50 most recent incidents, resolved included.
     */
    INCIDENTS(PageKind.STATUSPAGE, "/api/v2/incidents.json", false),
    /** Statuspage {@code /api/v2/summary.json}: unresolved incidents only. */
    SUMMARY(PageKind.STATUSPAGE, "/api/v2/summary.json", true),
    /** incident.io Widget API {@code /api/v1/summary}: ongoing incidents only. */
    WIDGET(PageKind.INCIDENTIO, "/api/v1/summary", true);

    private final PageKind kind;
    private final String path;
    private final boolean ongoingOnly;

    PageEndpoint(PageKind kind, String path, boolean ongoingOnly) {
        this.kind = kind;
        this.path = path;
        this.ongoingOnly = ongoingOnly;
    }

    public PageKind kind() {
        return kind;
    }

    /** Appended to the page's base URL. */
    public String path() {
        return path;
    }

    /** Whether the document lists ongoing incidents only, so a missing incident was resolved. */
    public boolean ongoingOnly() {
        return ongoingOnly;
    }

    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The endpoint used when a page does not name one. */
    public static PageEndpoint defaultFor(PageKind kind) {
        return kind == PageKind.STATUSPAGE ? INCIDENTS : WIDGET;
    }

    /**
     * @throws StatusPageConfigException naming {@code field} when {@code text} is no endpoint of
     *     {@code kind}
     */
    static PageEndpoint parse(String field, PageKind kind, String text) {
        StringBuilder allowed = new StringBuilder();
        for (PageEndpoint endpoint : values()) {
            if (endpoint.kind != kind) {
                continue;
            }
            if (endpoint.configName().equals(text)) {
                return endpoint;
            }
            allowed.append(allowed.length() == 0 ? "" : ", ").append(endpoint.configName());
        }
        throw new StatusPageConfigException(
                field
                        + ": '"
                        + text
                        + "' is not an endpoint of kind "
                        + kind.configName()
                        + "; use "
                        + allowed);
    }
}
