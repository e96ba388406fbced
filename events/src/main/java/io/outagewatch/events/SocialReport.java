package io.outagewatch.events;

import java.io.Serializable;
import java.time.Instant;

/**
 * One social-media post that may be an error report. Topic {@link Topics#SOCIAL_REPORTS}, keyed by
 * {@link #service()} when the producer already knows it.
 *
 * @param timestamp when the post was published
 * @param text the post, with surrounding whitespace removed
 * @param source where it came from: bluesky, mastodon, webhook, simulator, ...
 * @param author an opaque author id, used only to count distinct reporters
 * @param lang the post's language tag as given by the source
 * @param service the service the post is about, when the producer already knows it
 * @param region the region the post is about, when known
 */
public record SocialReport(
        Instant timestamp,
        String text,
        String source,
        String author,
        String lang,
        String service,
        String region)
        implements Serializable {

    public static final int TEXT_MAX_CHARS = 4096;
    public static final int SOURCE_MAX_CHARS = 64;
    public static final int AUTHOR_MAX_CHARS = 256;
    public static final int LANG_MAX_CHARS = 16;

    public SocialReport {
        Timestamps.requireInRange("timestamp", timestamp);
        text = trimmedText(text);
        Checks.optionalText("source", source, SOURCE_MAX_CHARS);
        Checks.optionalText("author", author, AUTHOR_MAX_CHARS);
        Checks.optionalText("lang", lang, LANG_MAX_CHARS);
        Checks.optionalId("service", service);
        Checks.optionalId("region", region);
    }

    private static String trimmedText(String text) {
        Checks.required("text", text);
        Checks.wellFormed("text", text);
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            throw new InvalidEventException(InvalidReason.INVALID_VALUE, "text is blank");
        }
        int length = Checks.codePointLength(trimmed);
        if (length > TEXT_MAX_CHARS) {
            throw new InvalidEventException(
                    InvalidReason.TEXT_TOO_LONG,
                    "text is "
                            + length
                            + " characters long after trimming; the maximum is "
                            + TEXT_MAX_CHARS);
        }
        return trimmed;
    }
}
