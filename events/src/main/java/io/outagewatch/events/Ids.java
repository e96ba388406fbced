package io.outagewatch.events;

/**
 * The identifier rule for services, vantages and regions. Identifiers become Kafka keys, metric
 * labels and file names, so they are restricted to lower-case ASCII that is safe in all of them.
 */
public final class Ids {
    /**
     * Lower-case letters, digits, dot, underscore and hyphen; 1 to 64 characters; no leading dot.
     */
    public static final String PATTERN = "[a-z0-9][a-z0-9._-]{0,63}";

    private static final int MAX_LENGTH = 64;

    private Ids() {}

    /**
     * Whether {@code id} matches {@link #PATTERN}. A loop rather than the regex: every record
     * checks two or three ids, and the regex was among the hottest frames of the pipeline's profile
     * (docs/benchmarks.md).
     */
    public static boolean isValid(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_LENGTH) {
            return false;
        }
        if (!isLetterOrDigit(id.charAt(0))) {
            return false;
        }
        for (int i = 1; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!isLetterOrDigit(c) && c != '.' && c != '_' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean isLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }
}
