package io.outagewatch.detection.reports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which of a fixed set of strings occur in a text, found in one pass over it: each position looks
 * up the strings that start with its two characters (or its one, for one-character strings), so the
 * cost grows with the text, not with the number of strings.
 */
final class LiteralIndex {

    private final int size;
    private final Map<Integer, Candidate[]> byFirstTwoChars;
    private final Map<Character, int[]> singleChars;

    /** A string of two or more characters, and its number in the set. */
    private record Candidate(String literal, int id) {}

    /**
     * @param literals the strings, each found by its position in this list
     */
    LiteralIndex(List<String> literals) {
        this.size = literals.size();
        Map<Integer, List<Candidate>> pairs = new HashMap<>();
        Map<Character, List<Integer>> singles = new HashMap<>();
        for (int id = 0; id < literals.size(); id++) {
            String literal = literals.get(id);
            if (literal.isEmpty()) {
                throw new IllegalArgumentException("an empty string occurs in every text");
            }
            if (literal.length() == 1) {
                singles.computeIfAbsent(literal.charAt(0), c -> new ArrayList<>()).add(id);
            } else {
                pairs.computeIfAbsent(pairKey(literal, 0), k -> new ArrayList<>())
                        .add(new Candidate(literal, id));
            }
        }
        this.byFirstTwoChars = new HashMap<>();
        pairs.forEach((key, list) -> byFirstTwoChars.put(key, list.toArray(Candidate[]::new)));
        this.singleChars = new HashMap<>();
        singles.forEach(
                (c, ids) -> singleChars.put(c, ids.stream().mapToInt(Integer::intValue).toArray()));
    }

    /** For each string of the set, by its number, whether it occurs in {@code text}. */
    boolean[] occurrences(String text) {
        boolean[] found = new boolean[size];
        int length = text.length();
        for (int i = 0; i < length; i++) {
            if (!singleChars.isEmpty()) {
                int[] ids = singleChars.get(text.charAt(i));
                if (ids != null) {
                    for (int id : ids) {
                        found[id] = true;
                    }
                }
            }
            if (i + 1 < length) {
                Candidate[] candidates = byFirstTwoChars.get(pairKey(text, i));
                if (candidates != null) {
                    for (Candidate candidate : candidates) {
                        if (!found[candidate.id()] && text.startsWith(candidate.literal(), i)) {
                            found[candidate.id()] = true;
                        }
                    }
                }
            }
        }
        return found;
    }

    private static int pairKey(String text, int at) {
        return text.charAt(at) << 16 | text.charAt(at + 1);
    }
}
