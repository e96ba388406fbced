package io.outagewatch.scenario;

import io.outagewatch.events.SocialReport;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * Makes posts about a service the way a firehose delivers them: text, language and author, but no
 * service or region, which the detector has to work out from the text.
 */
public final class ReportFactory {

    public static final String SOURCE = "bluesky";

    private final AuthorPool authors;

    ReportFactory(AuthorPool authors) {
        this.authors = authors;
    }

    public SocialReport complaint(ServiceSpec service, Instant at, SplittableRandom random) {
        return post(ReportTexts.pick(ReportKind.COMPLAINT, random), service, at, random);
    }

    /** A complaint in English by a given account. */
    public SocialReport complaintBy(
            String author, ServiceSpec service, Instant at, SplittableRandom random) {
        TextTemplate template = ReportTexts.pickEnglish(ReportKind.COMPLAINT, random);
        return new SocialReport(
                at, template.fill(mention(service, random)), SOURCE, author, "en", null, null);
    }

    public SocialReport chatter(ServiceSpec service, Instant at, SplittableRandom random) {
        return post(ReportTexts.pick(ReportKind.CHATTER, random), service, at, random);
    }

    public SocialReport headline(ServiceSpec service, Instant at, SplittableRandom random) {
        return post(ReportTexts.pick(ReportKind.HEADLINE, random), service, at, random);
    }

    private SocialReport post(
            TextTemplate template, ServiceSpec service, Instant at, SplittableRandom random) {
        String text = template.fill(mention(service, random));
        return new SocialReport(
                at, text, SOURCE, authors.draw(random), template.lang(), null, null);
    }

    private static String mention(ServiceSpec service, SplittableRandom random) {
        return service.mentions().get(random.nextInt(service.mentions().size()));
    }
}
