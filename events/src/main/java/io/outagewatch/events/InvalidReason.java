package io.outagewatch.events;

import java.util.List;

/**
 * Reason codes a serde reports for rejected input. A rejection reads {@code code + ": " + detail};
 * the code is stable and machine-readable, the detail names the offending field.
 */
public final class InvalidReason {
    public static final String MALFORMED_JSON = "malformed_json";
    public static final String NOT_AN_OBJECT = "not_an_object";
    public static final String TOO_LARGE = "too_large";
    public static final String INVALID_UTF8 = "invalid_utf8";
    public static final String MISSING_FIELD = "missing_field";
    public static final String WRONG_TYPE = "wrong_type";
    public static final String INVALID_TIMESTAMP = "invalid_timestamp";
    public static final String TIMESTAMP_OUT_OF_RANGE = "timestamp_out_of_range";
    public static final String INVALID_VALUE = "invalid_value";
    public static final String INVALID_ID = "invalid_id";
    public static final String TEXT_TOO_LONG = "text_too_long";

    public static final List<String> ALL =
            List.of(
                    MALFORMED_JSON,
                    NOT_AN_OBJECT,
                    TOO_LARGE,
                    INVALID_UTF8,
                    MISSING_FIELD,
                    WRONG_TYPE,
                    INVALID_TIMESTAMP,
                    TIMESTAMP_OUT_OF_RANGE,
                    INVALID_VALUE,
                    INVALID_ID,
                    TEXT_TOO_LONG);

    private InvalidReason() {}
}
