package io.outagewatch.detection.estimate;

import java.time.DayOfWeek;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The indicator features of an incident that the duration model weighs: each present feature adds
 * its coefficient to the predicted log duration.
 */
final class IncidentFeatures {

    /** Hours of the day in blocks of this many, in UTC: night, morning, afternoon, evening. */
    static final int HOURS_PER_BLOCK = 6;

    private static final String TITLE_PREFIX = "title:";

    private static final Pattern NON_LETTERS = Pattern.compile("[^a-z]+");

    /** Shorter words ("a", the "p" of "p99") say nothing on their own. */
    private static final int SHORTEST_WORD = 2;

    private IncidentFeatures() {}

    /**
     * The features of {@code context}: impact, regions, the onset's block of the day and whether it
     * fell on a weekend, and with {@code withTitle} one {@code title:WORD} per word of the status
     * title.
     */
    static List<String> of(IncidentContext context, boolean withTitle) {
        List<String> features = new ArrayList<>();
        features.add("impact=" + context.impact().name().toLowerCase(Locale.ROOT));
        features.add(
                switch (context.affectedRegions()) {
                    case 0 -> "regions=unknown";
                    case 1 -> "regions=one";
                    default -> "regions=several";
                });
        ZonedDateTime onset = context.onset().atZone(ZoneOffset.UTC);
        int block = onset.getHour() / HOURS_PER_BLOCK;
        features.add(
                String.format(
                        Locale.ROOT,
                        "hours=%02d-%02d",
                        block * HOURS_PER_BLOCK,
                        (block + 1) * HOURS_PER_BLOCK));
        DayOfWeek day = onset.getDayOfWeek();
        if (day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY) {
            features.add("weekend");
        }
        if (withTitle && context.statusTitle() != null) {
            for (String word : titleWords(context.statusTitle())) {
                features.add(titleFeature(word));
            }
        }
        return features;
    }

    static String titleFeature(String word) {
        return TITLE_PREFIX + word;
    }

    static boolean isTitleFeature(String feature) {
        return feature.startsWith(TITLE_PREFIX);
    }

    /** The distinct words of a title, lower case, letters only. */
    static Set<String> titleWords(String title) {
        Set<String> words = new TreeSet<>();
        for (String word : NON_LETTERS.split(title.toLowerCase(Locale.ROOT))) {
            if (word.length() >= SHORTEST_WORD) {
                words.add(word);
            }
        }
        return words;
    }
}
