package io.outagewatch.scenario;

import io.outagewatch.events.SocialReport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Big news about a service: a burst of headlines and reactions that mention it without anything
 * being broken. No incident.
 *
 * @param service the service in the news
 * @param start when the news broke
 * @param count how many posts the burst adds
 * @param over how long the burst lasts
 */
public record NewsBurst(String service, Instant start, int count, Duration over)
        implements ScenarioEvent {

    /** Half the posts repeat the headline; the rest react to it in everyday words. */
    static final double HEADLINE_SHARE = 0.5;

    public NewsBurst {
        Vantage.requireId("news burst service", service);
        EventChecks.requirePositive("news burst post count", count);
        EventChecks.requirePositive("news burst length", over);
    }

    public static NewsBurst of(String service, Instant start, int count, Duration over) {
        return new NewsBurst(service, start, count, over);
    }

    @Override
    public void checkAgainst(ScenarioFrame frame) {
        if (!frame.service(service, this).discussed()) {
            throw new IllegalArgumentException(this + " posts about a service nobody discusses");
        }
        frame.requireWithin(start, start.plus(over), this);
    }

    /** Squaring a uniform draw front-loads the posts: news spreads fast, then interest fades. */
    @Override
    public List<SocialReport> extraReports(
            ScenarioFrame frame, ReportFactory reports, SplittableRandom random) {
        ServiceSpec spec = frame.service(service, this);
        List<SocialReport> posts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            double position = random.nextDouble();
            Instant at = start.plusMillis((long) (position * position * over.toMillis()));
            posts.add(
                    random.nextDouble() < HEADLINE_SHARE
                            ? reports.headline(spec, at, random)
                            : reports.chatter(spec, at, random));
        }
        return posts;
    }
}
