package io.outagewatch.sink.notify;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and verifies webhooks per the Standard Webhooks specification v1.0.0, symmetric scheme
 * {@code v1}.
 *
 * <p>The signed content is {@code {webhook-id}.{webhook-timestamp}.{body}} over the exact body
 * bytes; the signature is the standard-base64 HMAC-SHA256 of it, sent as {@code v1,<base64>}. A
 * secret is written {@code whsec_<base64>} (the prefix is optional here); the HMAC key is the
 * base64-decoded bytes, 24 to 64 of them. With several secrets (key rotation) the header carries
 * one signature per secret, separated by spaces, and a receiver accepts the message when any of
 * them verifies.
 *
 * <p>Verification compares in constant time and rejects timestamps more than {@link
 * #DEFAULT_TOLERANCE} away from now, too old or too new, as the reference libraries do. Instances
 * hold key material: they never print it, not even in {@link #toString()}.
 */
public final class StandardWebhookSigner {

    public static final String SECRET_PREFIX = "whsec_";
    public static final int MIN_SECRET_BYTES = 24;
    public static final int MAX_SECRET_BYTES = 64;
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    static final String VERSION = "v1";
    private static final String ALGORITHM = "HmacSHA256";

    private final List<SecretKeySpec> keys;

    /** A signer with one secret. */
    public StandardWebhookSigner(String secret) {
        this(List.of(secret));
    }

    /**
     * @param secrets one or more {@code whsec_<base64>} secrets; the first is the current one
     * @throws IllegalArgumentException naming the position of a bad secret, never its value
     */
    public StandardWebhookSigner(List<String> secrets) {
        Objects.requireNonNull(secrets, "secrets");
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("a webhook signer needs at least one secret");
        }
        List<SecretKeySpec> parsed = new ArrayList<>();
        for (int i = 0; i < secrets.size(); i++) {
            parsed.add(key(secrets.get(i), secrets.size() == 1 ? "" : " #" + (i + 1)));
        }
        this.keys = List.copyOf(parsed);
    }

    private static SecretKeySpec key(String secret, String which) {
        Objects.requireNonNull(secret, "secret");
        String text = secret.strip();
        if (text.startsWith(SECRET_PREFIX)) {
            text = text.substring(SECRET_PREFIX.length());
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "webhook secret" + which + " is not whsec_ followed by base64");
        }
        if (bytes.length < MIN_SECRET_BYTES || bytes.length > MAX_SECRET_BYTES) {
            throw new IllegalArgumentException(
                    "webhook secret"
                            + which
                            + " decodes to "
                            + bytes.length
                            + " bytes; Standard Webhooks secrets have "
                            + MIN_SECRET_BYTES
                            + " to "
                            + MAX_SECRET_BYTES);
        }
        return new SecretKeySpec(bytes, ALGORITHM);
    }

    /**
     * The {@code webhook-signature} header value: {@code v1,<base64>} per secret, space-separated.
     *
     * @param id the {@code webhook-id}; must not contain {@code .}
     * @param timestamp the {@code webhook-timestamp}, unix seconds
     */
    public String sign(String id, long timestamp, byte[] body) {
        checkId(id);
        StringBuilder header = new StringBuilder();
        for (SecretKeySpec key : keys) {
            if (header.length() > 0) {
                header.append(' ');
            }
            header.append(VERSION)
                    .append(',')
                    .append(
                            Base64.getEncoder()
                                    .encodeToString(mac(key, id, Long.toString(timestamp), body)));
        }
        return header.toString();
    }

    /**
     * Whether a received webhook is authentic and fresh: the timestamp is an integer within {@code
     * tolerance} of {@code now} and one of the header's {@code v1} signatures matches one of the
     * secrets. Signatures of other versions are ignored.
     */
    public boolean verify(
            String id,
            String timestampHeader,
            byte[] body,
            String signatureHeader,
            Instant now,
            Duration tolerance) {
        if (id == null || timestampHeader == null || signatureHeader == null || body == null) {
            return false;
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampHeader.strip());
        } catch (NumberFormatException e) {
            return false;
        }
        long skew = Math.abs(now.getEpochSecond() - timestamp);
        if (skew > tolerance.toSeconds()) {
            return false;
        }
        return verifySignature(id, Long.toString(timestamp), body, signatureHeader);
    }

    /** {@link #verify} with {@link #DEFAULT_TOLERANCE}. */
    public boolean verify(
            String id, String timestampHeader, byte[] body, String signatureHeader, Instant now) {
        return verify(id, timestampHeader, body, signatureHeader, now, DEFAULT_TOLERANCE);
    }

    /** Only the signature check of {@link #verify}, with the timestamp exactly as received. */
    public boolean verifySignature(
            String id, String timestampHeader, byte[] body, String signatureHeader) {
        if (id == null
                || timestampHeader == null
                || body == null
                || signatureHeader == null
                || id.contains(".")
                || timestampHeader.contains(".")) {
            return false;
        }
        boolean matched = false;
        for (String entry : signatureHeader.strip().split(" +")) {
            int comma = entry.indexOf(',');
            if (comma < 0 || !entry.substring(0, comma).equals(VERSION)) {
                continue;
            }
            byte[] given;
            try {
                given = Base64.getDecoder().decode(entry.substring(comma + 1));
            } catch (IllegalArgumentException e) {
                continue;
            }
            for (SecretKeySpec key : keys) {
                // Keep going after a match so the time taken does not depend on where it was.
                matched |= MessageDigest.isEqual(mac(key, id, timestampHeader, body), given);
            }
        }
        return matched;
    }

    private static byte[] mac(SecretKeySpec key, String id, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static void checkId(String id) {
        Objects.requireNonNull(id, "id");
        if (id.isEmpty() || id.contains(".")) {
            throw new IllegalArgumentException(
                    "a webhook-id must be non-empty and must not contain '.': " + id);
        }
    }

    @Override
    public String toString() {
        return "StandardWebhookSigner[" + keys.size() + " secret(s)]";
    }
}
