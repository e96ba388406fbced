package io.outagewatch.events;

import java.io.Serializable;
import java.time.Instant;

/**
 * Input that could not be used, kept for inspection and replay. Topic {@link Topics#DEAD_LETTERS}.
 *
 * @param origin where the input came from: {@code topic-partition-offset} or {@code file:line}
 * @param raw the input as received, at most {@value #RAW_MAX_BYTES} UTF-8 bytes
 * @param reason why it was rejected, usually {@link Parsed.Invalid#reason()}
 * @param timestamp processing time of the rejection
 */
public record DeadLetter(String origin, String raw, String reason, Instant timestamp)
        implements Serializable {

    public static final int RAW_MAX_BYTES = 8192;
    public static final int ORIGIN_MAX_CHARS = 1024;
    public static final int REASON_MAX_CHARS = 4096;

    public DeadLetter {
        Checks.text("origin", origin, ORIGIN_MAX_CHARS);
        Checks.required("raw", raw);
        Checks.wellFormed("raw", raw);
        int rawBytes = Checks.utf8Length(raw);
        if (rawBytes > RAW_MAX_BYTES) {
            throw new InvalidEventException(
                    InvalidReason.TEXT_TOO_LONG,
                    "raw is "
                            + rawBytes
                            + " UTF-8 bytes long; the maximum is "
                            + RAW_MAX_BYTES
                            + " (DeadLetter.of truncates)");
        }
        Checks.text("reason", reason, REASON_MAX_CHARS);
        Timestamps.requireInRange("timestamp", timestamp);
    }

    /**
     * Builds a dead letter from arbitrary input: {@code raw} is cut to its first {@value
     * #RAW_MAX_BYTES} UTF-8 bytes without splitting a character, unpaired surrogates become U+FFFD,
     * a null {@code raw} (a Kafka tombstone) becomes empty, and {@code reason}, repaired the same
     * way, is cut to {@value #REASON_MAX_CHARS} characters.
     */
    public static DeadLetter of(String origin, String raw, String reason, Instant timestamp) {
        String safeRaw = raw == null ? "" : truncateUtf8(replaceLoneSurrogates(raw));
        String safeReason =
                reason == null
                        ? null
                        : truncateCodePoints(replaceLoneSurrogates(reason), REASON_MAX_CHARS);
        return new DeadLetter(origin, safeRaw, safeReason, timestamp);
    }

    private static String truncateUtf8(String text) {
        if (text.length() * 3 <= RAW_MAX_BYTES) {
            return text;
        }
        int bytes = 0;
        int end = 0;
        while (end < text.length()) {
            int codePoint = text.codePointAt(end);
            int width = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
            if (bytes + width > RAW_MAX_BYTES) {
                break;
            }
            bytes += width;
            end += Character.charCount(codePoint);
        }
        return text.substring(0, end);
    }

    private static String truncateCodePoints(String text, int maxCodePoints) {
        if (text.length() <= maxCodePoints
                || text.codePointCount(0, text.length()) <= maxCodePoints) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, maxCodePoints));
    }

    private static String replaceLoneSurrogates(String text) {
        StringBuilder repaired = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair =
                    Character.isHighSurrogate(c)
                            && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1));
            if (pair) {
                if (repaired != null) {
                    repaired.append(c).append(text.charAt(i + 1));
                }
                i++;
            } else if (Character.isSurrogate(c)) {
                if (repaired == null) {
                    repaired = new StringBuilder(text.length()).append(text, 0, i);
                }
                repaired.append('\uFFFD');
            } else if (repaired != null) {
                repaired.append(c);
            }
        }
        return repaired == null ? text : repaired.toString();
    }
}
