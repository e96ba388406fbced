package io.outagewatch.sink.notify;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;

/**
 * Reads a secret (a routing key, a webhook secret, a Slack webhook URL) from an environment
 * variable or a file, so it never has to appear on a command line or in a config file.
 *
 * <p>Values are stripped of surrounding whitespace (a trailing newline in a file is normal). Error
 * messages name the variable or the file, never the value.
 */
public final class Secrets {

    /** Secret files are small; anything larger is surely the wrong file. */
    static final int MAX_FILE_BYTES = 64 * 1024;

    private final Function<String, String> environment;

    /** Reads the process environment. */
    public static Secrets system() {
        return new Secrets(System::getenv);
    }

    /**
     * @param environment looks up an environment variable; null when it is not set
     */
    public Secrets(Function<String, String> environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    /**
     * The secret from the file when one is given, else from the environment variable.
     *
     * @param variable the environment variable, e.g. {@code OUTAGEWATCH_PAGERDUTY_ROUTING_KEY}
     * @param file a file holding the secret, or null
     * @throws IllegalArgumentException when the chosen source is missing, unreadable or blank
     */
    public String read(String variable, Path file) {
        return file != null ? fromFile(file) : fromEnv(variable);
    }

    /**
     * @throws IllegalArgumentException when the variable is not set or blank
     */
    public String fromEnv(String variable) {
        Objects.requireNonNull(variable, "variable");
        String value = environment.apply(variable);
        if (value == null) {
            throw new IllegalArgumentException("environment variable " + variable + " is not set");
        }
        String stripped = value.strip();
        if (stripped.isEmpty()) {
            throw new IllegalArgumentException("environment variable " + variable + " is blank");
        }
        return stripped;
    }

    /**
     * @throws IllegalArgumentException when the file cannot be read, is too large, is not UTF-8 or
     *     is blank
     */
    public String fromFile(Path file) {
        Objects.requireNonNull(file, "file");
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_FILE_BYTES + 1);
        } catch (IOException e) {
            // The exception's own message may be a path or an OS error; it never holds content.
            throw new IllegalArgumentException(
                    "cannot read secret file " + file + ": " + e.getClass().getSimpleName());
        }
        if (bytes.length > MAX_FILE_BYTES) {
            throw new IllegalArgumentException(
                    "secret file " + file + " is larger than " + MAX_FILE_BYTES + " bytes");
        }
        String value;
        try {
            value =
                    StandardCharsets.UTF_8
                            .newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)
                            .decode(java.nio.ByteBuffer.wrap(bytes))
                            .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("secret file " + file + " is not UTF-8 text");
        }
        String stripped = value.strip();
        if (stripped.isEmpty()) {
            throw new IllegalArgumentException("secret file " + file + " is empty");
        }
        return stripped;
    }
}
