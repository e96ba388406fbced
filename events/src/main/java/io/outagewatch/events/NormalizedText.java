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
}
