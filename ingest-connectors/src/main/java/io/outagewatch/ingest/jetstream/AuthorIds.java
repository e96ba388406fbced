package io.outagewatch.ingest.jetstream;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a DID into an opaque author id: lowercase hex SHA-256 of the DID, or HMAC-SHA256 keyed with
 * a salt when one is set. The id only serves to count distinct reporters.
 */
final class AuthorIds {

    private static final String HMAC = "HmacSHA256";

    private final Optional<SecretKeySpec> key;

    private AuthorIds(Optional<SecretKeySpec> key) {
        this.key = key;
    }

    static AuthorIds unsalted() {
        return new AuthorIds(Optional.empty());
    }

    static AuthorIds salted(String salt) {
        return new AuthorIds(
                Optional.of(new SecretKeySpec(salt.getBytes(StandardCharsets.UTF_8), HMAC)));
    }

    static AuthorIds of(Optional<String> salt) {
        return salt.map(AuthorIds::salted).orElseGet(AuthorIds::unsalted);
    }

    String of(String did) {
        byte[] input = did.getBytes(StandardCharsets.UTF_8);
        try {
            if (key.isPresent()) {
                Mac mac = Mac.getInstance(HMAC);
                mac.init(key.get());
                return HexFormat.of().formatHex(mac.doFinal(input));
            }
            return sha256Hex(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks " + HMAC, e);
        }
    }

    static String sha256Hex(byte[] input) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(input));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
