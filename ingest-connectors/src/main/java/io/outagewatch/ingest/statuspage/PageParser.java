package io.outagewatch.ingest.statuspage;

/** Reads one kind of page's document into a {@link PageSnapshot}. */
public interface PageParser {

    /**
     * @param body the document as fetched
     * @param page the page it came from, for incident URLs
     * @throws MalformedPageException when the whole document is unreadable; single unreadable
     *     incidents are skipped and counted in the snapshot instead
     */
    PageSnapshot parse(byte[] body, PageConfig page) throws MalformedPageException;

    /** The parser for an endpoint. */
    static PageParser forEndpoint(PageEndpoint endpoint) {
        return endpoint.kind() == PageKind.STATUSPAGE
                ? new StatuspageParser(endpoint.ongoingOnly())
                : new IncidentIoParser();
    }
}
