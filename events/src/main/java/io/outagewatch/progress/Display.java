package io.outagewatch.progress;

import java.util.Locale;

/**
 * How a progress line is shown on one stream: redrawn in place on a terminal, or as whole lines
 * where the stream is a file, a pipe or a CI log.
 *
 * <p>{@code bin/outagewatch} tells the JVM which of stdout and stderr are terminals, and how wide,
 * with {@link #STDOUT_PROPERTY}, {@link #STDERR_PROPERTY} and {@link #COLUMNS_PROPERTY}; {@code
 * JAVA_OPTS} can override them. Without them, a stream counts as a terminal when the JVM has a
 * console.
 */
public enum Display {
    TERMINAL,
    PLAIN;

    public static final String STDOUT_PROPERTY = "outagewatch.progress.stdout";
    public static final String STDERR_PROPERTY = "outagewatch.progress.stderr";
    public static final String COLUMNS_PROPERTY = "outagewatch.progress.columns";

    /** A terminal of unknown width is taken to be this wide: cutting a line beats wrapping it. */
    public static final int DEFAULT_COLUMNS = 80;

    private static final String COLUMNS_PATTERN = "[1-9][0-9]{0,4}";

    /** How progress shows on this process's stdout. */
    public static Display stdout() {
        return of(STDOUT_PROPERTY, System.getProperty(STDOUT_PROPERTY), System.console() != null);
    }

    /** How progress shows on this process's stderr. */
    public static Display stderr() {
        return of(STDERR_PROPERTY, System.getProperty(STDERR_PROPERTY), System.console() != null);
    }

    /**
     * The terminal's width in columns: {@link #COLUMNS_PROPERTY}, else {@code $COLUMNS} when it is
     * a number, else {@link #DEFAULT_COLUMNS}.
     */
    public static int columns() {
        String setting = System.getProperty(COLUMNS_PROPERTY);
        if (setting != null) {
            return columns(setting);
        }
        String environment = System.getenv("COLUMNS");
        return environment != null && environment.trim().matches(COLUMNS_PATTERN)
                ? Integer.parseInt(environment.trim())
                : DEFAULT_COLUMNS;
    }

    /**
     * @param setting {@code terminal}, {@code plain}, or null to go by the console
     */
    static Display of(String property, String setting, boolean console) {
        if (setting == null || setting.isBlank()) {
            return console ? TERMINAL : PLAIN;
        }
        return switch (setting.trim().toLowerCase(Locale.ROOT)) {
            case "terminal" -> TERMINAL;
            case "plain" -> PLAIN;
            default ->
                    throw new IllegalArgumentException(
                            property + " must be terminal or plain, got '" + setting + "'");
        };
    }

    static int columns(String setting) {
        if (!setting.trim().matches(COLUMNS_PATTERN)) {
            throw new IllegalArgumentException(
                    COLUMNS_PROPERTY
                            + " must be a positive number of columns, got '"
                            + setting
                            + "'");
        }
        return Integer.parseInt(setting.trim());
    }
}
