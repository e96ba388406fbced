package io.outagewatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.regex.Pattern;

/**
 * One section of {@code docs/configuration.md}, for tests that check the page lists every option
 * and key the code accepts.
 */
public final class ConfigurationDoc {

    static final Path PAGE = Path.of("../docs/configuration.md");

    private final String heading;
    private final String text;

    private ConfigurationDoc(String heading, String text) {
        this.heading = heading;
        this.text = text;
    }

    /** The text from the {@code ## } heading that starts with {@code heading} to the next one. */
    public static ConfigurationDoc section(String heading) {
        String page;
        try {
            page = Files.readString(PAGE, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int start = page.indexOf("\n## " + heading);
        assertThat(start).as("section '## %s' in %s", heading, PAGE).isNotNegative();
        int end = page.indexOf("\n## ", start + 1);
        return new ConfigurationDoc(heading, page.substring(start, end < 0 ? page.length() : end));
    }

    /** Every option appears as {@code `--name} in a table row. */
    public void listsOptions(Collection<String> options) {
        for (String option : options) {
            assertThat(text)
                    .as("%s lists --%s", heading, option)
                    .containsPattern("(?m)^\\|.*`--" + Pattern.quote(option) + "[ `=]");
        }
    }

    /** Every key appears in backquotes, with its path prefix. */
    public void listsKeys(String prefix, Collection<String> keys) {
        for (String key : keys) {
            assertThat(text)
                    .as("%s lists %s%s", heading, prefix, key)
                    .contains("`" + prefix + key + "`");
        }
    }

    /** The option's row names its default. */
    public void showsDefault(String option, String defaultText) {
        String row =
                text.lines()
                        .filter(line -> line.startsWith("| `--" + option))
                        .findFirst()
                        .orElseThrow(
                                () -> new AssertionError(heading + " has no row for --" + option));
        assertThat(row).as("the row of --%s names its default", option).contains(defaultText);
    }
}
