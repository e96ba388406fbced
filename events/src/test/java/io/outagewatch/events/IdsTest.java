package io.outagewatch.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class IdsTest {

    private static final Pattern PUBLISHED = Pattern.compile(Ids.PATTERN);

    /** Characters around every boundary of the rule, and some far from it. */
    private static final String ALPHABET = "az09._-AZ/ :@`{~\u00e9\u0131\u212a";

    @Test
    void theCheckAgreesWithThePublishedPatternOnGeneratedIds() {
        Random random = new Random(20261123L);
        int valid = 0;
        for (int i = 0; i < 200_000; i++) {
            String id = randomId(random);
            boolean expected = PUBLISHED.matcher(id).matches();
            assertThat(Ids.isValid(id)).as("'%s'", id).isEqualTo(expected);
            valid += expected ? 1 : 0;
        }
        assertThat(valid).as("generated ids that are valid").isBetween(10_000, 190_000);
    }

    @Test
    void lengthAndFirstCharacterBoundaries() {
        assertThat(Ids.isValid("a".repeat(64))).isTrue();
        assertThat(Ids.isValid("a".repeat(65))).isFalse();
        assertThat(Ids.isValid("")).isFalse();
        assertThat(Ids.isValid(null)).isFalse();
        assertThat(Ids.isValid(".hidden")).isFalse();
        assertThat(Ids.isValid("-x")).isFalse();
        assertThat(Ids.isValid("0.eu-west_1")).isTrue();
    }

    private static String randomId(Random random) {
        int length = random.nextInt(70);
        StringBuilder id = new StringBuilder(length);
        boolean clean = random.nextBoolean();
        for (int i = 0; i < length; i++) {
            id.append(
                    clean && random.nextInt(50) != 0
                            ? ALPHABET.charAt(random.nextInt(7))
                            : ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }
}
