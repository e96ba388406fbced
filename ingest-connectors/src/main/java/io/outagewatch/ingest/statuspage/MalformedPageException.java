package io.outagewatch.ingest.statuspage;

/** A fetched document that is not the JSON shape its page kind promises. */
public final class MalformedPageException extends Exception {
    private static final long serialVersionUID = 1L;

    public MalformedPageException(String message) {
        super(message);
    }

    public MalformedPageException(String message, Throwable cause) {
        super(message, cause);
    }
}
