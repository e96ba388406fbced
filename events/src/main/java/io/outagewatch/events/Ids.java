package io.outagewatch.events;

import java.util.regex.Pattern;

/**
 * The identifier rule for services, vantages and regions. Identifiers become Kafka keys, metric
 * labels and file names, so they are restricted to lower-case ASCII that is safe in all of them.
 */
public final class Ids {
    /**
     * Lower-case letters, digits, dot, underscore and hyphen; 1 to 64 characters; no leading dot.
     */
    public static final String PATTERN = "[a-z0-9][a-z0-9._-]{0,63}";

    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    private Ids() {}

    public static boolean isValid(String id) {
        return id != null && COMPILED.matcher(id).matches();
    }
}
