package io.outagewatch.sink.pipeline;

/** A bad sink configuration; the message names the setting, e.g. {@code receivers[1].url}. */
public final class SinkConfigException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public SinkConfigException(String message) {
        super(message);
    }

    public SinkConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
