package io.outagewatch.scenario;

import io.outagewatch.events.SocialReport;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Minute by minute complaint and chatter posts for every discussed service, with events applied.
 */
public final class ReportGenerator {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration HALF_MINUTE = Duration.ofSeconds(30);

    private ReportGenerator() {}

    /** In generation order, not time order. */
    static List<SocialReport> generate(
            ScenarioFrame frame,
            List<ScenarioEvent> events,
            ReportFactory factory,
            SplittableRandom random) {
        List<SocialReport> reports = new ArrayList<>();
        for (ServiceSpec service : frame.services()) {
            if (service.discussed()) {
                background(frame, events, service, factory, random.split(), reports);
            }
        }
        for (ScenarioEvent event : events) {
            reports.addAll(event.extraReports(frame, factory, random.split()));
        }
        return reports;
    }

    /** The mean of each minute is read at its middle, where it is the minute's average. */
    private static void background(
            ScenarioFrame frame,
            List<ScenarioEvent> events,
            ServiceSpec service,
            ReportFactory factory,
            SplittableRandom random,
            List<SocialReport> out) {
        for (Instant minute = frame.from().truncatedTo(ChronoUnit.MINUTES);
                minute.isBefore(frame.until());
                minute = minute.plus(MINUTE)) {
            Instant middle = minute.plus(HALF_MINUTE);
            double normal =
                    service.audienceScale()
                            * DiurnalActivity.complaintsPerMinute(
                                    middle, frame.traffic().weekendFactor());
            double extra = 0;
            for (ScenarioEvent event : events) {
                extra += event.extraComplaintFactor(service.id(), middle);
            }
            int complaints = PoissonSampler.sample(random, normal * (1 + extra));
            int chatter =
                    PoissonSampler.sample(random, normal * frame.traffic().chatterPerComplaint());
            for (int i = 0; i < complaints + chatter; i++) {
                Instant at = minute.plusMillis(random.nextLong(MINUTE.toMillis()));
                SocialReport report =
                        i < complaints
                                ? factory.complaint(service, at, random)
                                : factory.chatter(service, at, random);
                if (!at.isBefore(frame.from()) && at.isBefore(frame.until())) {
                    out.add(report);
                }
            }
        }
    }
}
