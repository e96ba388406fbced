package io.outagewatch.events;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

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
 * <p>The post is scanned once, left to right, as the regular expression {@code
 * (?<!W)(alias|...)(?!W)|#(gluedalias|...)(?:is)?(?:down|outages?)(?!W)} would find its matches
 * ({@code W} a word character, aliases longest first): at each position only the aliases starting
 * with the character there are tried, found through an index by first character, so the cost per
 * position does not grow with the catalog. {@code AliasMatcherTest} holds the scan to that regular
 * expression on random posts.
 */
public final class AliasMatcher implements Serializable {

    @Serial private static final long serialVersionUID = 1L;

    /** What may follow a service glued into a hashtag, in the order the expression tries them. */
    private static final List<String> HASHTAG_OUTAGE_SUFFIXES =
            List.of("isdown", "isoutages", "isoutage", "down", "outages", "outage");

    private final List<String> serviceIds;

    /** Each alias as written between words, and as glued into a hashtag; longest first. */
    private final AliasIndex asWords;

    private final AliasIndex glued;

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
        this.asWords = new AliasIndex(aliases, Alias::text);
        this.glued = new AliasIndex(aliases, alias -> alias.text().replace(" ", ""));
    }

    /** Ids of the services the text names, in catalog order. */
    public Set<String> servicesMentioned(String text) {
        return servicesMentioned(NormalizedText.of(text));
    }

    public Set<String> servicesMentioned(NormalizedText normalized) {
        String text = normalized.text();
        boolean[] mentioned = new boolean[serviceIds.size()];
        int at = 0;
        while (at < text.length()) {
            long match = matchAt(text, at);
            if (match < 0) {
                at++;
            } else {
                mentioned[(int) (match >>> 32)] = true;
                at = (int) match;
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

    /**
     * The mention starting at {@code at}: its service index in the high half and its end in the low
     * half, or -1 when none starts there.
     */
    private long matchAt(String text, int at) {
        // The expression's look-behind reads the one char before: a lone surrogate is no letter.
        if (at == 0 || !WordCharacters.is(text.charAt(at - 1))) {
            for (int i : asWords.startingWith(text.charAt(at))) {
                String alias = asWords.forms[i];
                int end = at + alias.length();
                if (text.startsWith(alias, at) && endsWord(text, end)) {
                    return (long) asWords.services[i] << 32 | end;
                }
            }
        }
        if (text.charAt(at) == '#' && at + 1 < text.length()) {
            for (int i : glued.startingWith(text.charAt(at + 1))) {
                String alias = glued.forms[i];
                if (!text.startsWith(alias, at + 1)) {
                    continue;
                }
                int aliasEnd = at + 1 + alias.length();
                for (String suffix : HASHTAG_OUTAGE_SUFFIXES) {
                    int end = aliasEnd + suffix.length();
                    if (text.startsWith(suffix, aliasEnd) && endsWord(text, end)) {
                        return (long) glued.services[i] << 32 | end;
                    }
                }
            }
        }
        return -1;
    }

    /** Whether no word character follows {@code end}, as the expression's look-ahead reads it. */
    private static boolean endsWord(String text, int end) {
        return end >= text.length() || !WordCharacters.is(text.codePointAt(end));
    }

    /** One alias of one service, already in canonical form. */
    private record Alias(int serviceIndex, String text) {}

    /** One form of every alias, in priority order, with their positions by first character. */
    private static final class AliasIndex implements Serializable {

        @Serial private static final long serialVersionUID = 1L;

        private static final int[] NONE = {};

        final String[] forms;
        final int[] services;
        private final Map<Character, int[]> byFirstCharacter;

        AliasIndex(List<Alias> aliases, Function<Alias, String> form) {
            forms = new String[aliases.size()];
            services = new int[aliases.size()];
            Map<Character, List<Integer>> positions = new HashMap<>();
            for (int i = 0; i < aliases.size(); i++) {
                forms[i] = form.apply(aliases.get(i));
                services[i] = aliases.get(i).serviceIndex();
                if (!forms[i].isEmpty()) {
                    positions.computeIfAbsent(forms[i].charAt(0), c -> new ArrayList<>()).add(i);
                }
            }
            byFirstCharacter = new HashMap<>();
            positions.forEach(
                    (first, list) ->
                            byFirstCharacter.put(
                                    first, list.stream().mapToInt(Integer::intValue).toArray()));
        }

        /** Positions, in priority order, of the forms starting with {@code first}. */
        int[] startingWith(char first) {
            return byFirstCharacter.getOrDefault(first, NONE);
        }
    }
}
