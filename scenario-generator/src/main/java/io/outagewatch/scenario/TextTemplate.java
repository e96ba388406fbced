package io.outagewatch.scenario;

/**
 * A post with one place for the service's name, split around that place.
 *
 * @param kind what posts made from it are
 * @param lang the language tag posts made from it carry
 * @param prefix the text before the name
 * @param suffix the text after the name
 */
record TextTemplate(ReportKind kind, String lang, String prefix, String suffix) {

    static final String PLACEHOLDER = "{s}";

    static TextTemplate of(ReportKind kind, String lang, String pattern) {
        int at = pattern.indexOf(PLACEHOLDER);
        if (at < 0 || pattern.indexOf(PLACEHOLDER, at + 1) >= 0) {
            throw new IllegalArgumentException(
                    "template must hold exactly one " + PLACEHOLDER + ": " + pattern);
        }
        return new TextTemplate(
                kind, lang, pattern.substring(0, at), pattern.substring(at + PLACEHOLDER.length()));
    }

    String fill(String mention) {
        return prefix + mention + suffix;
    }

    boolean produced(String text) {
        return text.length() > prefix.length() + suffix.length()
                && text.startsWith(prefix)
                && text.endsWith(suffix);
    }
}
