package io.outagewatch.detection.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.outagewatch.events.ServiceCatalog;
import io.outagewatch.events.SocialReport;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ReportInterpreterTest {

    private static final Instant POSTED = Instant.parse("2023-11-08T13:42:10Z");

    private final ReportInterpreter interpreter =
            new ReportInterpreter(ServiceCatalog.defaultCatalog());

    static Stream<Arguments> reports() {
        return Stream.of(
                Arguments.of(
                        "service field wins over aliases",
                        "slack",
                        "is chatgpt down?",
                        List.of("slack")),
                Arguments.of(
                        "service field needs no alias in the text",
                        "discord",
                        "it's down again?!",
                        List.of("discord")),
                Arguments.of(
                        "unknown service field falls back to aliases",
                        "gitlab",
                        "github down again",
                        List.of("github")),
                Arguments.of(
                        "every service the aliases name",
                        null,
                        "slack and discord both down",
                        List.of("slack", "discord")),
                Arguments.of(
                        "catalog order, not text order",
                        null,
                        "#githubdown and chatgpt too",
                        List.of("chatgpt", "github")),
                Arguments.of(
                        "chatter with a service field", "chatgpt", "I love chatgpt", List.of()),
                Arguments.of(
                        "chatter naming a service", null, "downloading the discord app", List.of()),
                Arguments.of(
                        "complaint naming no service",
                        null,
                        "my bank app is down again",
                        List.of()),
                Arguments.of(
                        "unknown service field and no alias",
                        "gitlab",
                        "gitlab is down",
                        List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reports")
    void complainsAboutTheRightServices(
            String description, String service, String text, List<String> expected) {
        SocialReport report = report(text, "alice", service, "eu-west");

        List<Complaint> complaints = interpreter.complaintsIn(report);

        assertThat(complaints).extracting(Complaint::service).containsExactlyElementsOf(expected);
        assertThat(complaints)
                .allSatisfy(
                        complaint -> {
                            assertThat(complaint.authorKey()).isEqualTo("alice");
                            assertThat(complaint.region()).isEqualTo("eu-west");
                            assertThat(complaint.timestamp()).isEqualTo(POSTED);
                        });
    }

    @ParameterizedTest(name = "region {0}")
    @CsvSource(
            nullValues = "null",
            value = {"us-east", "ap-northeast-1", "null"})
    void carriesTheReportRegion(String region) {
        List<Complaint> complaints =
                interpreter.complaintsIn(report("chatgpt not working", "bob", null, region));

        assertThat(complaints).containsExactly(new Complaint("chatgpt", region, "bob", POSTED));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "same text and source             | bluesky | github down again | bluesky | github down again    | true",
                "case and spacing differ          | bluesky | GitHub  DOWN again| bluesky | github down again    | true",
                "different links to the same post | bluesky | github down https://t.co/a | bluesky | github down https://t.co/b | true",
                "different source                 | bluesky | github down again | mastodon | github down again   | false",
                "different text                   | bluesky | github down again | bluesky | github down again?!  | false",
            })
    void anonymousAuthorsCollapseOnlyForIdenticalPosts(
            String description,
            String firstSource,
            String firstText,
            String secondSource,
            String secondText,
            boolean sameAuthor) {
        String first = onlyAuthorKey(anonymous(firstText, firstSource));
        String second = onlyAuthorKey(anonymous(secondText, secondSource));

        assertThat(first).startsWith(AuthorKeys.ANONYMOUS_PREFIX);
        assertThat(first.equals(second)).as("%s vs %s", first, second).isEqualTo(sameAuthor);
    }

    @Test
    void namedAuthorsKeepTheirIdentity() {
        String first = onlyAuthorKey(report("github down again", "did:plc:one", null, null));
        String second = onlyAuthorKey(report("github down again", "did:plc:two", null, null));

        assertThat(List.of(first, second)).containsExactly("did:plc:one", "did:plc:two");
    }

    @Test
    void worksAfterJavaSerialization() throws IOException, ClassNotFoundException {
        ReportInterpreter copy = roundTrip(interpreter);
        SocialReport report = report("#chatgptdown and slack not working", "carol", null, null);

        assertThat(copy.complaintsIn(report)).isEqualTo(interpreter.complaintsIn(report));
        assertThat(copy.complaintsIn(report))
                .extracting(Complaint::service)
                .containsExactly("chatgpt", "slack");
    }

    private String onlyAuthorKey(SocialReport report) {
        List<Complaint> complaints = interpreter.complaintsIn(report);
        assertThat(complaints).hasSize(1);
        return complaints.get(0).authorKey();
    }

    private static SocialReport anonymous(String text, String source) {
        return new SocialReport(POSTED, text, source, null, "en", null, null);
    }

    private static SocialReport report(String text, String author, String service, String region) {
        return new SocialReport(POSTED, text, "bluesky", author, "en", service, region);
    }

    private static ReportInterpreter roundTrip(ReportInterpreter original)
            throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(original);
        }
        try (ObjectInputStream in =
                new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (ReportInterpreter) in.readObject();
        }
    }
}
