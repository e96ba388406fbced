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
    INCIDENTS(
            PageKind.STATUSPAGE,
            "/api/v2/incidents.json",
            false,
            "/api/v2/scheduled-maintenances.json"),
    /**
     * Statuspage {@code /api/v2/summary.json}: unresolved incidents only, and the scheduled
     * maintenances.
     */
    SUMMARY(PageKind.STATUSPAGE, "/api/v2/summary.json", true, "/api/v2/summary.json"),
    /**
     * incident.io Widget API {@code /api/v1/summary}: ongoing incidents only, and the maintenances.
     */
    WIDGET(PageKind.INCIDENTIO, "/api/v1/summary", true, "/api/v1/summary");

    private final PageKind kind;
    private final String path;
    private final boolean ongoingOnly;
    private final String maintenancesPath;

    PageEndpoint(PageKind kind, String path, boolean ongoingOnly, String maintenancesPath) {
        this.kind = kind;
        this.path = path;
        this.ongoingOnly = ongoingOnly;
        this.maintenancesPath = maintenancesPath;
    }

    /** The document the page's scheduled maintenances are read from, appended to the base URL. */
    public String maintenancesPath() {
        return maintenancesPath;
    }

    /** Whether the polled document lists the maintenances too, so no second fetch is needed. */
    public boolean listsMaintenances() {
        return maintenancesPath.equals(path);
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
