package io.outagewatch.ingest.statuspage;

/** A config or state file the poller cannot run with; the message names the setting. */
public final class StatusPageConfigException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public StatusPageConfigException(String message) {
        super(message);
    }

    public StatusPageConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
