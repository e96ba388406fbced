package io.outagewatch.ingest.intake;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks {@code Authorization: Bearer TOKEN} against the configured tokens, each belonging to a
 * named client. Only SHA-256 digests of the tokens are kept, and every digest is compared with
 * {@link MessageDigest#isEqual} without stopping at a match, so the time taken does not reveal how
 * much of a token was right or which client it matched.
 *
 * <p>Token file: one token per line, either {@code TOKEN} (client {@value #DEFAULT_CLIENT}) or
 * {@code CLIENT TOKEN}; blank lines and lines starting with {@code #} are ignored.
 */
public final class BearerAuth {

    /** The client a token without a name belongs to, including the environment's token. */
    public static final String DEFAULT_CLIENT = "default";

    /** Shorter tokens are refused at start-up: they can be guessed. */
    public static final int MIN_TOKEN_CHARS = 16;

    private static final String SCHEME = "Bearer ";
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final List<Client> clients;

    private record Client(String id, byte[] digest) {}

    private BearerAuth(List<Client> clients) {
        if (clients.isEmpty()) {
            throw new IllegalArgumentException("no token configured");
        }
        this.clients = List.copyOf(clients);
    }

    /**
     * @param tokensByClient token for each client id
     * @throws IllegalArgumentException naming the client whose id or token is unfit
     */
    public static BearerAuth of(Map<String, String> tokensByClient) {
        List<Client> clients = new ArrayList<>();
        tokensByClient.forEach(
                (client, token) -> {
                    if (!CLIENT_ID.matcher(client).matches()) {
                        throw new IllegalArgumentException(
                                "client id '"
                                        + client
                                        + "' must be 1 to 64 letters, digits, '.', '_' or '-'");
                    }
                    checkToken(client, token);
                    byte[] digest = digest(token);
                    for (Client other : clients) {
                        if (MessageDigest.isEqual(other.digest(), digest)) {
                            throw new IllegalArgumentException(
                                    "clients '"
                                            + other.id()
                                            + "' and '"
                                            + client
                                            + "' share a token");
                        }
                    }
                    clients.add(new Client(client, digest));
                });
        return new BearerAuth(clients);
    }

    /** One token for the {@value #DEFAULT_CLIENT} client, as given by the environment. */
    public static BearerAuth single(String token) {
        return of(Map.of(DEFAULT_CLIENT, token.strip()));
    }

    /**
     * @throws IllegalArgumentException for an unreadable file or a bad line, naming the line
     */
    public static BearerAuth fromFile(Path file) {
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read token file " + file + ": " + e, e);
        }
        return parse(content, file.toString());
    }

    static BearerAuth parse(String content, String name) {
        Map<String, String> tokens = new LinkedHashMap<>();
        String[] lines = content.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = WHITESPACE.split(line);
            String where = name + " line " + (i + 1);
            if (fields.length > 2) {
                throw new IllegalArgumentException(
                        where
                                + ": expected TOKEN or CLIENT TOKEN, got "
                                + fields.length
                                + " fields");
            }
            String client = fields.length == 1 ? DEFAULT_CLIENT : fields[0];
            String token = fields[fields.length - 1];
            if (tokens.putIfAbsent(client, token) != null) {
                throw new IllegalArgumentException(where + ": client '" + client + "' given twice");
            }
        }
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException(name + " holds no token");
        }
        return of(tokens);
    }

    /**
     * @param authorization the request's {@code Authorization} header, or null
     * @return the client the bearer token belongs to; empty when there is no bearer token or it
     *     matches none
     */
    public Optional<String> authenticate(String authorization) {
        if (!isBearer(authorization)) {
            return Optional.empty();
        }
        byte[] presented = digest(authorization.substring(SCHEME.length()).strip());
        String matched = null;
        for (Client client : clients) {
            // No early exit: every request compares against every digest.
            if (MessageDigest.isEqual(client.digest(), presented) && matched == null) {
                matched = client.id();
            }
        }
        return Optional.ofNullable(matched);
    }

    /** Whether the header uses the Bearer scheme at all, whatever its token. */
    public static boolean isBearer(String authorization) {
        return authorization != null
                && authorization.length() > SCHEME.length()
                && authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length());
    }

    /** The client ids, for logs; never the tokens. */
    public List<String> clients() {
        return clients.stream().map(Client::id).toList();
    }

    @Override
    public String toString() {
        return "BearerAuth" + clients();
    }

    private static void checkToken(String client, String token) {
        Objects.requireNonNull(token, "token");
        if (token.length() < MIN_TOKEN_CHARS) {
            throw new IllegalArgumentException(
                    "the token of client '"
                            + client
                            + "' is shorter than "
                            + MIN_TOKEN_CHARS
                            + " characters");
        }
        if (WHITESPACE.matcher(token).find()) {
            throw new IllegalArgumentException(
                    "the token of client '" + client + "' contains whitespace");
        }
    }

    /**
     * The SHA-256 digest every comparison is made on: 32 bytes whatever the token's length, so
     * {@link MessageDigest#isEqual}, which takes time only on the length, reveals nothing.
     */
    static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
