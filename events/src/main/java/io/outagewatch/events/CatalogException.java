package io.outagewatch.events;

/** A service catalog that cannot be used; the message names the offending entry. */
public final class CatalogException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public CatalogException(String message) {
        super(message);
    }

    public CatalogException(String message, Throwable cause) {
        super(message, cause);
    }
}
