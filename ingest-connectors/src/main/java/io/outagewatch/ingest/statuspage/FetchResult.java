package io.outagewatch.ingest.statuspage;

/** What one conditional GET of a page returned. */
public sealed interface FetchResult {

    /** 200 with a body no larger than the limit. */
    record Modified(byte[] body) implements FetchResult {}

    /** 304: the document is the one fetched before. */
    record NotModified() implements FetchResult {}

    /**
     * Anything else.
     *
     * @param status the HTTP status, or 0 when no response arrived
     * @param reason for the log
     * @param retryAfter the raw {@code Retry-After} header, or null
     */
    record Failed(int status, String reason, String retryAfter) implements FetchResult {

        public static final int TOO_MANY_REQUESTS = 429;

        public boolean rateLimited() {
            return status == TOO_MANY_REQUESTS;
        }
    }
}
