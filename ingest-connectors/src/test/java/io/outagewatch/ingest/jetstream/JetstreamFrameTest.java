package io.outagewatch.ingest.jetstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class JetstreamFrameTest {

    private static final String POST =
            "{\"did\":\"did:plc:dclwtltrt2ggsryagfzk7dp4\",\"time_us\":1783175888090631,"
                    + "\"kind\":\"commit\",\"commit\":{\"rev\":\"3mptbypcq372f\","
                    + "\"operation\":\"create\",\"collection\":\"app.bsky.feed.post\","
                    + "\"rkey\":\"3mptbyoeyc22k\",\"record\":{\"$type\":\"app.bsky.feed.post\","
                    + "\"createdAt\":\"2026-07-04T14:38:06.240Z\",\"langs\":[\"en\",7,\"de\"],"
                    + "\"text\":\"is github down?\"},\"cid\":\"bafyrei\"}}";

    @Test
    void readsAPostCreate() {
        JetstreamFrame frame = JetstreamFrame.parse(POST);

        assertThat(frame)
                .isEqualTo(
                        new JetstreamFrame.PostCreate(
                                "did:plc:dclwtltrt2ggsryagfzk7dp4",
                                1783175888090631L,
                                "3mptbyoeyc22k",
                                "3mptbypcq372f",
                                "is github down?",
                                List.of("en", "de")));
    }

    @Test
    void classifiesEveryRecordedFrame() {
        List<String> kinds =
                Fixtures.frames().stream()
                        .map(JetstreamFrame::parse)
                        .map(frame -> frame.getClass().getSimpleName())
                        .toList();

        assertThat(kinds).hasSize(Fixtures.FRAME_COUNT);
        assertThat(kinds).filteredOn("PostCreate"::equals).hasSize(12);
        assertThat(kinds).filteredOn("Skipped"::equals).hasSize(7);
        assertThat(kinds).filteredOn("Malformed"::equals).hasSize(5);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            identity       | {"did":"did:plc:a","time_us":5,"kind":"identity","identity":{"did":"did:plc:a","seq":1,"time":"2026-07-04T14:38:06Z"}} | identity
            account        | {"did":"did:plc:a","time_us":5,"kind":"account","account":{"active":false,"did":"did:plc:a","seq":2,"status":"takendown"}} | account
            delete         | {"did":"did:plc:a","time_us":5,"kind":"commit","commit":{"rev":"r","operation":"delete","collection":"app.bsky.feed.post","rkey":"k"}} | commit delete app.bsky.feed.post
            update         | {"did":"did:plc:a","time_us":5,"kind":"commit","commit":{"rev":"r","operation":"update","collection":"app.bsky.feed.post","rkey":"k","record":{"text":"x"}}} | commit update app.bsky.feed.post
            like           | {"did":"did:plc:a","time_us":5,"kind":"commit","commit":{"rev":"r","operation":"create","collection":"app.bsky.feed.like","rkey":"k","record":{}}} | commit create app.bsky.feed.like
            future kind    | {"did":"did:plc:a","time_us":5,"kind":"sync"} | sync
            """)
    void skipsWhatIsNotANewPost(String name, String json, String what) {
        assertThat(JetstreamFrame.parse(json)).isEqualTo(new JetstreamFrame.Skipped(5, what));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            truncated         | {"did":"did:plc:a","time_us":5,"kind":"com                                    | not JSON
            not an object     | [1,2]                                                                          | not a JSON object
            empty             | ''                                                                             | not a JSON object
            time as string    | {"did":"did:plc:a","time_us":"5","kind":"identity"}                            | time_us is missing
            time fractional   | {"did":"did:plc:a","time_us":5.5,"kind":"identity"}                            | time_us is missing
            time negative     | {"did":"did:plc:a","time_us":-5,"kind":"identity"}                             | is not positive
            time too large    | {"did":"did:plc:a","time_us":99999999999999999999,"kind":"identity"}           | time_us is missing
            no kind           | {"did":"did:plc:a","time_us":5}                                                | kind is missing
            no commit         | {"did":"did:plc:a","time_us":5,"kind":"commit"}                                | without a commit
            no operation      | {"did":"did:plc:a","time_us":5,"kind":"commit","commit":{"collection":"c"}}    | commit.operation
            no rkey           | {"did":"did:plc:a","time_us":5,"kind":"commit","commit":{"rev":"r","operation":"create","collection":"app.bsky.feed.post","record":{"text":"x"}}} | commit.rkey
            no did            | {"time_us":5,"kind":"commit","commit":{"rev":"r","operation":"create","collection":"app.bsky.feed.post","rkey":"k","record":{"text":"x"}}} | without did
            no text           | {"did":"did:plc:a","time_us":5,"kind":"commit","commit":{"rev":"r","operation":"create","collection":"app.bsky.feed.post","rkey":"k","record":{"createdAt":"2026-07-04T14:38:06Z"}}} | record.text
            text not a string | {"did":"did:plc:a","time_us":5,"kind":"commit","commit":{"rev":"r","operation":"create","collection":"app.bsky.feed.post","rkey":"k","record":{"text":42}}} | record.text
            """)
    void reportsWhyAFrameIsMalformed(String name, String json, String reason) {
        JetstreamFrame frame = JetstreamFrame.parse(json);

        assertThat(frame).isInstanceOf(JetstreamFrame.Malformed.class);
        assertThat(((JetstreamFrame.Malformed) frame).reason()).contains(reason);
    }
}
