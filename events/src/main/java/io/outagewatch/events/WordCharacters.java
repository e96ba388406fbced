package io.outagewatch.events;

/**
 * The characters that make a word for alias matching: letters and numbers, except Han, kana and
 * Thai, whose scripts put no spaces between words. The same set as the class {@code
 * [\p{L}\p{N}&&[^\p{IsHan}\p{IsHiragana}\p{IsKatakana}\p{IsThai}]]}, which {@code
 * WordCharactersTest} checks on every code point.
 */
final class WordCharacters {

    /** The answer for each char of the Basic Multilingual Plane, worked out once. */
    private static final boolean[] BMP = new boolean[Character.MAX_VALUE + 1];

    static {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            BMP[c] = compute(c);
        }
    }

    private WordCharacters() {}

    static boolean is(int codePoint) {
        return codePoint <= Character.MAX_VALUE ? BMP[codePoint] : compute(codePoint);
    }

    private static boolean compute(int codePoint) {
        if (!isLetterOrNumber(codePoint)) {
            return false;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script != Character.UnicodeScript.HAN
                && script != Character.UnicodeScript.HIRAGANA
                && script != Character.UnicodeScript.KATAKANA
                && script != Character.UnicodeScript.THAI;
    }

    private static boolean isLetterOrNumber(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.UPPERCASE_LETTER,
                    Character.LOWERCASE_LETTER,
                    Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER,
                    Character.OTHER_LETTER,
                    Character.DECIMAL_DIGIT_NUMBER,
                    Character.LETTER_NUMBER,
                    Character.OTHER_NUMBER ->
                    true;
            default -> false;
        };
    }
}
