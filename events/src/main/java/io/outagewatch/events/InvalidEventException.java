package io.outagewatch.events;

/**
 * Thrown by the record constructors when a value breaks its contract. It stays an {@link
 * IllegalArgumentException} so callers building records in code need not know about reason codes,
 * while the serdes can still report the precise {@link InvalidReason} code.
 *
 * <p>The message always starts with the name of the offending field.
 */
public final class InvalidEventException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String code;

    public InvalidEventException(String code, String message) {
        super(message);
        this.code = code;
    }

    /** One of the {@link InvalidReason} constants. */
    public String code() {
        return code;
    }

    /** The same violation seen from an enclosing object, e.g. {@code evidence.score ...}. */
    InvalidEventException nestedIn(String parentField) {
        return new InvalidEventException(code, parentField + "." + getMessage());
    }
}
