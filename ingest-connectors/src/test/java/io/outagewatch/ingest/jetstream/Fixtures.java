package io.outagewatch.ingest.jetstream;

import io.outagewatch.events.Parsed;
import io.outagewatch.events.SocialReport;
import io.outagewatch.events.SocialReportSerde;
import io.outagewatch.ingest.publish.EventPublisher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The recorded frames, the reports they must give, and named instants in them. */
final class Fixtures {

    static final String FRAMES = "frames.jsonl";
    static final String EXPECTED_REPORTS = "expected-reports.jsonl";

    /** time_us of the recording's start; frames follow at the offsets below. */
    static final long T0_US = 1_783_175_888_000_000L;

    /** The post naming Slack and Discord: the fourth and fifth expected report. */
    static final long SLACK_AND_DISCORD_US = T0_US + 7_700_000L;

    /** The link-only post about github.com: no report. */
    static final long GITHUB_LINK_US = T0_US + 12_100_000L;

    /** The last frame of the recording (a post that names nothing). */
    static final long LAST_FRAME_US = T0_US + 24_200_000L;

    static final Duration REWIND = Duration.ofSeconds(5);
    static final long REWIND_US = REWIND.toNanos() / 1000;

    /** Frames in the recording: 12 posts (8 matching, 9 reports), 7 skipped, 5 malformed. */
    static final int FRAME_COUNT = 24;

    private Fixtures() {}

    static long timeUs(JetstreamFrame frame) {
        if (frame instanceof JetstreamFrame.PostCreate post) {
            return post.timeUs();
        }
        return ((JetstreamFrame.Skipped) frame).timeUs();
    }

    static List<String> frames() {
        return JetstreamTestServer.fixture(FRAMES);
    }

    static List<SocialReport> expectedReports() {
        return parseReports(JetstreamTestServer.fixture(EXPECTED_REPORTS));
    }

    static List<SocialReport> parseReports(List<String> lines) {
        List<SocialReport> reports = new ArrayList<>();
        for (String line : lines) {
            Parsed<SocialReport> parsed = SocialReportSerde.INSTANCE.parse(line);
            if (!parsed.isOk()) {
                throw new AssertionError("not a social report: " + line);
            }
            reports.add(parsed.value());
        }
        return reports;
    }

    /** Keeps what it is given. */
    static final class CollectingPublisher implements EventPublisher<SocialReport> {
        final List<SocialReport> published = new CopyOnWriteArrayList<>();
        int flushes;

        @Override
        public void publish(SocialReport event) {
            published.add(event);
        }

        @Override
        public void flush() {
            flushes++;
        }

        @Override
        public long failedDeliveries() {
            return 0;
        }

        @Override
        public void close() {}
    }
}
