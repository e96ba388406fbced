package io.outagewatch.ingest.jetstream;

import io.outagewatch.events.AliasMatcher;
import io.outagewatch.events.InvalidEventException;
import io.outagewatch.events.SocialReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Maps a new Bluesky post to one {@link SocialReport} per catalog service it names. A post longer
 * than {@link SocialReport#TEXT_MAX_CHARS} is dropped rather than truncated: the lexicon caps posts
 * at 300 graphemes, so such a post is not a normal post, and a cut text could lose the words that
 * made it a report.
 */
final class PostToReports {

    static final String SOURCE = "bluesky";

    private final AliasMatcher matcher;
    private final AuthorIds authors;

    PostToReports(AliasMatcher matcher, AuthorIds authors) {
        this.matcher = Objects.requireNonNull(matcher, "matcher");
        this.authors = Objects.requireNonNull(authors, "authors");
    }

    /** What became of a post. */
    enum Outcome {
        NO_MATCH,
        REPORTS,
        TOO_LONG,
        INVALID
    }

    /**
     * @param reports non-empty only for {@link Outcome#REPORTS}, in catalog order
     * @param detail why an {@link Outcome#INVALID} post was dropped; empty otherwise
     */
    record Mapping(Outcome outcome, List<SocialReport> reports, String detail) {
        Mapping {
            reports = List.copyOf(reports);
        }

        static Mapping of(Outcome outcome) {
            return new Mapping(outcome, List.of(), "");
        }
    }

    Mapping map(JetstreamFrame.PostCreate post) {
        Set<String> services = matcher.servicesMentioned(post.text());
        if (services.isEmpty()) {
            return Mapping.of(Outcome.NO_MATCH);
        }
        String text = post.text().strip();
        if (text.codePointCount(0, text.length()) > SocialReport.TEXT_MAX_CHARS) {
            return Mapping.of(Outcome.TOO_LONG);
        }
        Instant timestamp = fromMicros(post.timeUs());
        String author = authors.of(post.did());
        String lang = lang(post.langs());
        List<SocialReport> reports = new ArrayList<>(services.size());
        try {
            for (String service : services) {
                reports.add(new SocialReport(timestamp, text, SOURCE, author, lang, service, null));
            }
        } catch (InvalidEventException e) {
            return new Mapping(Outcome.INVALID, List.of(), e.getMessage());
        }
        return new Mapping(Outcome.REPORTS, reports, "");
    }

    static Instant fromMicros(long timeUs) {
        long seconds = Math.floorDiv(timeUs, TimeUnit.SECONDS.toMicros(1));
        long micros = Math.floorMod(timeUs, TimeUnit.SECONDS.toMicros(1));
        return Instant.ofEpochSecond(seconds, TimeUnit.MICROSECONDS.toNanos(micros));
    }

    /** The first language tag, cut to what a report holds; null when there is none. */
    static String lang(List<String> langs) {
        if (langs.isEmpty()) {
            return null;
        }
        String lang = langs.get(0).strip();
        if (lang.codePointCount(0, lang.length()) > SocialReport.LANG_MAX_CHARS) {
            lang = lang.substring(0, lang.offsetByCodePoints(0, SocialReport.LANG_MAX_CHARS));
            while (lang.endsWith("-")) {
                lang = lang.substring(0, lang.length() - 1);
            }
        }
        return lang.isEmpty() ? null : lang;
    }
}
