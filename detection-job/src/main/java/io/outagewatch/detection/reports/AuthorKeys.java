package io.outagewatch.detection.reports;

import io.outagewatch.events.NormalizedText;
import io.outagewatch.events.SocialReport;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/** Who a report counts as: its author, or a stand-in shared by identical anonymous posts. */
final class AuthorKeys {

    static final String ANONYMOUS_PREFIX = "anonymous:";

    /** Half a SHA-256 keeps keys short while collisions stay far below one per lifetime. */
    private static final int DIGEST_BYTES_KEPT = 16;

    private AuthorKeys() {}

    static String of(SocialReport report, NormalizedText text) {
        if (report.author() != null) {
            return report.author();
        }
        String source = report.source() == null ? "" : report.source();
        byte[] digest = sha256(source + '\n' + text.text());
        return ANONYMOUS_PREFIX
                + HexFormat.of().formatHex(Arrays.copyOf(digest, DIGEST_BYTES_KEPT));
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }
}
