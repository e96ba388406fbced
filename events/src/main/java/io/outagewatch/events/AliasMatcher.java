package io.outagewatch.events;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds which catalog services a post names.
 *
 * <p>An alias counts only as a whole word or phrase: the characters around it must not be letters
 * or digits, so "slack" is not found in "slacker". Han, kana and Thai letters are the exception,
 * because those scripts put no spaces between words ("ChatGPT落ちてる"). Matching is case-insensitive
 * and runs on {@link NormalizedText}, so full-width letters, odd whitespace and line breaks inside
 * a multi-word alias do not matter. Hashtags and mentions count ({@code #chatgpt},
 * {@code @github}), as does an alias glued to "down" or "outage" in a hashtag ({@code
 * #githubdown}). Links are ignored: a GitHub URL says nothing about GitHub's health.
 *
 * <p>All aliases are compiled into one pattern, so a post is scanned once however large the
 * catalog.
 */
public final class AliasMatcher implements Serializable {

    @Serial private static final long serialVersionUID = 1L;

    private static final String WORD_CHARACTER =
            "[\\p{L}\\p{N}&&[^\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}\\p{IsThai}]]";

    private static final String HASHTAG_OUTAGE_SUFFIX = "(?:is)?(?:down|outages?)";

    private final List<String> serviceIds;
    private final Pattern mentions;

    /** For each capturing group of {@link #mentions}, the index of its service in serviceIds. */
    private final int[] serviceIndexByGroup;

    public AliasMatcher(ServiceCatalog catalog) {
        List<CatalogService> services = catalog.services();
        this.serviceIds = services.stream().map(CatalogService::id).toList();
        List<Alias> aliases = new ArrayList<>();
        for (int i = 0; i < services.size(); i++) {
            for (String alias : services.get(i).aliases()) {
                String canonical = NormalizedText.of(alias).text();
                if (!canonical.isEmpty()) {
                    aliases.add(new Alias(i, canonical));
                }
            }
        }
        // Longest first, so where aliases of different services overlap the more specific wins.
        aliases.sort(Comparator.comparingInt((Alias alias) -> alias.text().length()).reversed());

        List<Integer> groups = new ArrayList<>();
        String asWords = alternatives(aliases, Alias::asWords, groups);
        String gluedInHashtag = alternatives(aliases, Alias::glued, groups);
        this.mentions =
                Pattern.compile(
                        "(?<!"
                                + WORD_CHARACTER
                                + ")"
                                + asWords
                                + "(?!"
                                + WORD_CHARACTER
                                + ")|#"
                                + gluedInHashtag
                                + HASHTAG_OUTAGE_SUFFIX
                                + "(?!"
                                + WORD_CHARACTER
                                + ")");
        this.serviceIndexByGroup = groups.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Ids of the services the text names, in catalog order. */
    public Set<String> servicesMentioned(String text) {
        return servicesMentioned(NormalizedText.of(text));
    }

    public Set<String> servicesMentioned(NormalizedText text) {
        boolean[] mentioned = new boolean[serviceIds.size()];
        Matcher matcher = mentions.matcher(text.text());
        while (matcher.find()) {
            for (int group = 1; group <= matcher.groupCount(); group++) {
                if (matcher.start(group) >= 0) {
                    mentioned[serviceIndexByGroup[group - 1]] = true;
                    break;
                }
            }
        }
        Set<String> ids = new LinkedHashSet<>();
        for (int i = 0; i < mentioned.length; i++) {
            if (mentioned[i]) {
                ids.add(serviceIds.get(i));
            }
        }
        return Collections.unmodifiableSet(ids);
    }

    /** One capturing group per alias, recording in {@code groups} which service each names. */
    private static String alternatives(
            List<Alias> aliases, Function<Alias, String> form, List<Integer> groups) {
        StringJoiner alternatives = new StringJoiner("|", "(?:", ")");
        for (Alias alias : aliases) {
            alternatives.add("(" + form.apply(alias) + ")");
            groups.add(alias.serviceIndex());
        }
        return alternatives.toString();
    }

    /** One alias of one service, already in canonical form. */
    private record Alias(int serviceIndex, String text) {

        /** Words separated by the single space normalisation leaves between them. */
        String asWords() {
            return Pattern.quote(text);
        }

        /** How the alias is written inside a hashtag, where words run together. */
        String glued() {
            return Pattern.quote(text.replace(" ", ""));
        }
    }
}
