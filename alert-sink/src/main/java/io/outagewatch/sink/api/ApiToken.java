package io.outagewatch.sink.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The bearer token of the silences API. Only its SHA-256 digest is kept, and a presented token is
 * compared digest to digest with {@link MessageDigest#isEqual}, whose time depends on the length
 * alone (always 32 bytes), so the answer's timing reveals nothing of the token. It never appears in
 * {@link #toString()}, logs or messages.
 */
public final class ApiToken {

    /** The environment variable that may hold the token. */
    public static final String ENV = "OUTAGEWATCH_SILENCES_TOKEN";

    /** Shorter tokens are refused at start-up: they can be guessed. */
    public static final int MIN_CHARS = 16;

    private static final String SCHEME = "Bearer ";
    private static final Pattern WHITESPACE = Pattern.compile("\\s");

    private final byte[] digest;

    private ApiToken(byte[] digest) {
        this.digest = digest;
    }

    /**
     * @throws IllegalArgumentException when the token is too short or holds whitespace (the message
     *     never shows it)
     */
    public static ApiToken of(String token) {
        Objects.requireNonNull(token, "token");
        String stripped = token.strip();
        if (stripped.length() < MIN_CHARS) {
            throw new IllegalArgumentException(
                    "the silences API token is shorter than " + MIN_CHARS + " characters");
        }
        if (WHITESPACE.matcher(stripped).find()) {
            throw new IllegalArgumentException("the silences API token contains whitespace");
        }
        return new ApiToken(digest(stripped));
    }

    /** Whether the {@code Authorization} header carries this token as a bearer token. */
    public boolean accepts(String authorization) {
        if (!isBearer(authorization)) {
            return false;
        }
        return MessageDigest.isEqual(
                digest, digest(authorization.substring(SCHEME.length()).strip()));
    }

    /** Whether the header uses the Bearer scheme at all, whatever its token. */
    public static boolean isBearer(String authorization) {
        return authorization != null
                && authorization.length() > SCHEME.length()
                && authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length());
    }

    @Override
    public String toString() {
        return "ApiToken[***]";
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
