package io.outagewatch.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Both pages that document the status page list every option it takes, with its default. */
class StatusPageDocsTest {

    private static final Path STATUS_PAGE_DOC = Path.of("../docs/status-page.md");
    private static final Path CONFIGURATION_DOC = Path.of("../docs/configuration.md");
    private static final Pattern FLAG = Pattern.compile("--[a-z][a-z-]+");

    @Test
    void everyOptionIsDocumentedWithItsDefault() throws IOException {
        String statusPage = Files.readString(STATUS_PAGE_DOC);
        String configuration = section(Files.readString(CONFIGURATION_DOC), "## Status page");

        for (String doc : new String[] {statusPage, configuration}) {
            assertThat(flags()).allSatisfy(flag -> assertThat(doc).contains("`" + flag));
            assertThat(doc)
                    .contains("`" + StatusPageArguments.DEFAULT_PORT + "`")
                    .contains("`" + StatusPageArguments.DEFAULT_BIND + "`")
                    .contains("`48h`")
                    .contains(StatusPageArguments.DEFAULT_BOOTSTRAP_SERVERS)
                    .contains("`" + StatusPageArguments.DEFAULT_HISTORY_DB + "`");
        }
        assertThat(StatusPageArguments.DEFAULT_WINDOW.toHours()).isEqualTo(48);
    }

    @Test
    void theLimitsTableHasTheCodesBounds() throws IOException {
        String doc = Files.readString(STATUS_PAGE_DOC);

        assertThat(doc)
                .contains("at most " + StatusBoard.MAX_INCIDENTS_PER_SERVICE + " incidents")
                .contains(StatusBoard.MAX_STATUS_UPDATES_PER_SERVICE + " status updates")
                .contains("URIs up to 2,048 characters")
                .contains("| request threads | " + StatusServer.REQUEST_THREADS)
                .contains("at most " + ChangeStream.MAX_CLIENTS + " open at once");
        assertThat(StatusServer.MAX_URI_CHARS).isEqualTo(2048);
    }

    private static Set<String> flags() {
        Set<String> flags = new TreeSet<>();
        Matcher matcher = FLAG.matcher(StatusPageArguments.USAGE);
        while (matcher.find()) {
            flags.add(matcher.group());
        }
        assertThat(flags).contains("--port", "--window", "--db");
        return flags;
    }

    private static String section(String page, String heading) {
        int start = page.indexOf(heading);
        assertThat(start).as(heading).isNotNegative();
        int end = page.indexOf("\n## ", start + heading.length());
        return end < 0 ? page.substring(start) : page.substring(start, end);
    }
}
