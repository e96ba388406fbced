package io.outagewatch.scenario;

import io.outagewatch.events.SocialReport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One account posting complaint after complaint about a healthy service. No incident: complaints
 * should count once per author.
 *
 * @param author the spamming account's id
 * @param service the service it complains about
 * @param start its first post
 * @param count how many posts it makes
 * @param every the gap between posts
 */
public record Spammer(String author, String service, Instant start, int count, Duration every)
        implements ScenarioEvent {

    public Spammer {
        if (author == null || author.isBlank()) {
            throw new IllegalArgumentException("spammer author must not be blank");
        }
        Vantage.requireId("spammer service", service);
        EventChecks.requirePositive("spammer post count", count);
        EventChecks.requirePositive("spammer post gap", every);
    }

    public static Spammer of(
            String author, String service, Instant start, int count, Duration every) {
        return new Spammer(author, service, start, count, every);
    }

    public Instant lastPost() {
        return start.plus(every.multipliedBy(count - 1L));
    }

    @Override
    public void checkAgainst(ScenarioFrame frame) {
        if (!frame.service(service, this).discussed()) {
            throw new IllegalArgumentException(this + " posts about a service nobody discusses");
        }
        frame.requireWithin(start, lastPost(), this);
    }

    @Override
    public List<SocialReport> extraReports(
            ScenarioFrame frame, ReportFactory reports, SplittableRandom random) {
        ServiceSpec spec = frame.service(service, this);
        List<SocialReport> posts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            posts.add(reports.complaintBy(author, spec, start.plus(every.multipliedBy(i)), random));
        }
        return posts;
    }
}
