package io.outagewatch.bench;

import io.outagewatch.events.ProbeResult;
import io.outagewatch.events.ProbeResultSerde;
import io.outagewatch.events.SocialReport;
import io.outagewatch.events.SocialReportSerde;
import io.outagewatch.scenario.Scenarios;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Deterministic benchmark input as the JSON lines the job reads: probes of (service, region) pairs
 * from a set of vantages, one probe per pair and vantage each minute, and social reports retimed
 * from the ordinary-days scenario. Each pair is its own service with one region, since the job
 * keeps its state per service: the worst case for state per pair.
 */
final class SyntheticTraffic {

    /** The regions services are spread over. */
    static final List<String> REGIONS = List.of("us-east", "us-west", "eu-west", "ap-south");

    /** Share of probes that fail in ordinary minutes. */
    static final double ORDINARY_FAILURE_SHARE = 0.01;

    /**
     * The scenario whose posts are the reports: chatter at ordinary rates about catalog services.
     */
    static final String REPORT_SCENARIO = "ordinary-days";

    /** One origin per input: it only names a dead letter's source, and a million lines share it. */
    static final String PROBE_ORIGIN = "bench-probes";

    static final String REPORT_ORIGIN = "bench-reports";

    private static final Duration MINUTE = Duration.ofMinutes(1);

    /** The probe and report lines, each in event-time order. */
    record Lines(PackedLines probes, PackedLines reports) {
        long events() {
            return (long) probes.size() + reports.size();
        }
    }

    private final int vantages;
    private final List<SocialReport> posts;
    private final SplittableRandom random;

    SyntheticTraffic(int vantages, long seed) {
        this.vantages = vantages;
        this.posts = Scenarios.named(REPORT_SCENARIO).reports();
        this.random = new SplittableRandom(seed);
    }

    static String service(int index) {
        return String.format(Locale.ROOT, "bench-svc-%06d", index);
    }

    static String region(int serviceIndex) {
        return REGIONS.get(serviceIndex % REGIONS.size());
    }

    static String vantage(int index) {
        return String.format(Locale.ROOT, "bench-vantage-%02d", index);
    }

    /**
     * About {@code events} lines over {@code keys} pairs from {@code start}: probes go round the
     * pairs and vantages once a minute, spread evenly over it, and {@code reportShare} of the lines
     * are reports spread evenly over the same span.
     */
    Lines generate(int keys, long events, double reportShare, Instant start) {
        int probeCount = Math.toIntExact(Math.round(events * (1 - reportShare)));
        int reportCount = Math.toIntExact(events - probeCount);
        long perMinute = (long) keys * vantages;
        PackedLines.Builder probes = new PackedLines.Builder(PROBE_ORIGIN, probeCount);
        for (int i = 0; i < probeCount; i++) {
            long slot = i % perMinute;
            Instant at =
                    start.plus(MINUTE.multipliedBy(i / perMinute))
                            .plusMillis(slot * MINUTE.toMillis() / perMinute);
            int service = (int) (slot % keys);
            int vantage = (int) (slot / keys);
            boolean fails = random.nextDouble() < ORDINARY_FAILURE_SHARE;
            probes.add(ProbeResultSerde.INSTANCE.toBytes(probe(service, vantage, at, !fails)));
        }
        long spanMillis = Math.max(1, (probeCount + perMinute - 1) / perMinute) * MINUTE.toMillis();
        PackedLines.Builder reports = new PackedLines.Builder(REPORT_ORIGIN, reportCount);
        for (int i = 0; i < reportCount; i++) {
            Instant at = start.plusMillis(i * spanMillis / Math.max(1, reportCount));
            reports.add(SocialReportSerde.INSTANCE.toBytes(post(i, at)));
        }
        return new Lines(probes.build(), reports.build());
    }

    /**
     * An outage of pair {@code service}: every vantage's probes fail every {@code every} from
     * {@code from} for {@code length}. Appended after {@link #generate} output it also moves the
     * probes' watermark on, so the minutes before it are decided.
     */
    PackedLines outage(int service, Instant from, Duration length, Duration every) {
        int steps = Math.toIntExact(length.dividedBy(every));
        PackedLines.Builder probes = new PackedLines.Builder(PROBE_ORIGIN, steps * vantages);
        for (int step = 0; step < steps; step++) {
            Instant at = from.plus(every.multipliedBy(step));
            for (int vantage = 0; vantage < vantages; vantage++) {
                probes.add(ProbeResultSerde.INSTANCE.toBytes(probe(service, vantage, at, false)));
            }
        }
        return probes.build();
    }

    /** A probe of pair {@code service} from {@code vantage}: healthy, or failing with a 503. */
    ProbeResult probe(int service, int vantage, Instant at, boolean success) {
        return probe(service, vantage, region(service), at, success);
    }

    /**
     * A probe of service {@code service} from {@code vantage}, which stands in region {@code
     * vantage mod} {@link #REGIONS}: a service watched from every region, as a prober fleet does.
     */
    ProbeResult probeFromVantageRegion(int service, int vantage, Instant at, boolean success) {
        return probe(service, vantage, REGIONS.get(vantage % REGIONS.size()), at, success);
    }

    private ProbeResult probe(
            int service, int vantage, String region, Instant at, boolean success) {
        String name = service(service);
        return new ProbeResult(
                name,
                vantage(vantage),
                region,
                "https://" + name + ".example.com/health",
                at,
                success,
                success ? 40.0 + random.nextInt(200) : null,
                success ? 200 : 503,
                success ? null : "HTTP 503 Service Unavailable");
    }

    /**
     * The {@code index}-th ordinary post, cycling through the scenario's, published at {@code at}.
     */
    SocialReport post(long index, Instant at) {
        SocialReport post = posts.get((int) (index % posts.size()));
        return new SocialReport(
                at,
                post.text(),
                post.source(),
                post.author(),
                post.lang(),
                post.service(),
                post.region());
    }
}
