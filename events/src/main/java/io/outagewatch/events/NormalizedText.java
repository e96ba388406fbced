package io.outagewatch.events;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A post's text in the one canonical form every matcher works on: Unicode NFKC, lower case,
 * straight apostrophes, no invisible format characters, URLs removed, whitespace runs collapsed to
 * one space.
 *
 * @param original the text as posted, for the few rules that need the author's capitalisation
 * @param text the canonical form
 * @param hadUrl whether the post linked somewhere, a hint that it shares news rather than reports
 */
public record NormalizedText(String original, String text, boolean hadUrl) {

    private static final Pattern URL =
            Pattern.compile("(?:https?://|www\\.)\\S+", Pattern.CASE_INSENSITIVE);

    /** Phone keyboards type typographic apostrophes; the rules spell contractions with '. */
    private static final Pattern APOSTROPHES =
            Pattern.compile("[\\u2018\\u2019\\u02BC\\u0060\\u00B4]");

    /** Zero-width spaces and joiners can hide inside a word ("chat\u200Bgpt") without showing. */
    private static final Pattern FORMAT_CHARACTERS = Pattern.compile("\\p{Cf}");

    private static final Pattern WHITESPACE =
            Pattern.compile("[\\s\\p{Z}]+", Pattern.UNICODE_CHARACTER_CLASS);

    public static NormalizedText of(String original) {
        return isAscii(original) ? ofAscii(original) : ofAnyText(original);
    }

    /** The general path, by the rules in the class comment, for text of any script. */
    static NormalizedText ofAnyText(String original) {
        String text = Normalizer.normalize(original, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        text = APOSTROPHES.matcher(text).replaceAll("'");
        text = FORMAT_CHARACTERS.matcher(text).replaceAll("");
        Matcher urls = URL.matcher(text);
        boolean hadUrl = urls.find();
        if (hadUrl) {
            text = urls.replaceAll(" ");
        }
        text = WHITESPACE.matcher(text).replaceAll(" ").strip();
        return new NormalizedText(original, text, hadUrl);
    }

    /**
     * The same rules for ASCII text, most posts, in two passes over its characters instead of four
     * regular expressions: NFKC leaves ASCII as it is, the only ASCII apostrophe to straighten is
     * the backtick, ASCII has no format characters, and its whitespace is tab to carriage return
     * and space. {@code NormalizedTextTest} holds it to {@link #ofAnyText} on random ASCII.
     */
    static NormalizedText ofAscii(String original) {
        int length = original.length();
        char[] lowered = new char[length];
        for (int i = 0; i < length; i++) {
            char c = original.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            } else if (c == '`') {
                c = '\'';
            }
            lowered[i] = c;
        }
        StringBuilder text = new StringBuilder(length);
        boolean hadUrl = false;
        boolean inWhitespace = false;
        int i = 0;
        while (i < length) {
            int urlEnd = urlEndAt(lowered, i);
            if (urlEnd > i) {
                hadUrl = true;
                i = urlEnd;
                // A link reads as one space, merged with the whitespace around it.
                if (!inWhitespace) {
                    text.append(' ');
                    inWhitespace = true;
                }
                continue;
            }
            char c = lowered[i++];
            if (isAsciiWhitespace(c)) {
                if (!inWhitespace) {
                    text.append(' ');
                    inWhitespace = true;
                }
            } else {
                text.append(c);
                inWhitespace = false;
            }
        }
        return new NormalizedText(original, text.toString().strip(), hadUrl);
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /**
     * Where a link starting at {@code at} ends ({@link #URL}: "http://", "https://" or "www."
     * followed by at least one non-space), or {@code at} when none starts there.
     */
    private static int urlEndAt(char[] text, int at) {
        int prefix =
                startsWith(text, at, "https://")
                        ? 8
                        : startsWith(text, at, "http://")
                                ? 7
                                : startsWith(text, at, "www.") ? 4 : 0;
        if (prefix == 0) {
            return at;
        }
        int end = at + prefix;
        while (end < text.length && !isAsciiWhitespace(text[end])) {
            end++;
        }
        return end > at + prefix ? end : at;
    }

    private static boolean startsWith(char[] text, int at, String prefix) {
        if (at + prefix.length() > text.length) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (text[at + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The ASCII characters {@link #WHITESPACE} and the links' {@code \S} both treat as space. */
    private static boolean isAsciiWhitespace(char c) {
        return c == ' ' || c >= '\t' && c <= '\r';
    }
}
