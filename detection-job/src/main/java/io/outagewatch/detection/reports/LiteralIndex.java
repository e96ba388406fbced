package io.outagewatch.detection.reports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * Which of a fixed set of strings occur in a text, found in one pass over it: each position looks
 * up the strings that start with its character, so the cost grows with the text, not with the
 * number of strings. The lookup is an array for ASCII and a binary search over the other first
 * characters, so a character costs no boxing and no hashing.
 */
final class LiteralIndex {

    private static final int ASCII = 128;

    private final int size;

    /** By first character below {@link #ASCII}: the strings starting with it, or null. */
    private final Candidate[][] byAsciiFirst;

    /** The other first characters, ascending, and the strings starting with each. */
    private final char[] otherFirsts;

    private final Candidate[][] byOtherFirst;

    /**
     * A string, its number in the set, and its second character ({@link #NO_SECOND} for a string of
     * one): most candidates at a position fail on it, and a char comparison is cheaper than a call
     * to {@link String#startsWith(String, int)}.
     */
    private record Candidate(String literal, int id, int second) {
        Candidate(String literal, int id) {
            this(literal, id, literal.length() > 1 ? literal.charAt(1) : NO_SECOND);
        }
    }

    private static final int NO_SECOND = -1;

    /**
     * @param literals the strings, each found by its position in this list
     */
    LiteralIndex(List<String> literals) {
        this.size = literals.size();
        TreeMap<Character, List<Candidate>> byFirst = new TreeMap<>();
        for (int id = 0; id < literals.size(); id++) {
            String literal = literals.get(id);
            if (literal.isEmpty()) {
                throw new IllegalArgumentException("an empty string occurs in every text");
            }
            byFirst.computeIfAbsent(literal.charAt(0), c -> new ArrayList<>())
                    .add(new Candidate(literal, id));
        }
        this.byAsciiFirst = new Candidate[ASCII][];
        List<Character> others = new ArrayList<>();
        List<Candidate[]> othersCandidates = new ArrayList<>();
        byFirst.forEach(
                (first, candidates) -> {
                    Candidate[] array = candidates.toArray(Candidate[]::new);
                    if (first < ASCII) {
                        byAsciiFirst[first] = array;
                    } else {
                        others.add(first);
                        othersCandidates.add(array);
                    }
                });
        this.otherFirsts = new char[others.size()];
        for (int i = 0; i < otherFirsts.length; i++) {
            otherFirsts[i] = others.get(i);
        }
        this.byOtherFirst = othersCandidates.toArray(Candidate[][]::new);
    }

    /** For each string of the set, by its number, whether it occurs in {@code text}. */
    boolean[] occurrences(String text) {
        boolean[] found = new boolean[size];
        int length = text.length();
        for (int i = 0; i < length; i++) {
            Candidate[] candidates = startingWith(text.charAt(i));
            if (candidates == null) {
                continue;
            }
            int next = i + 1 < length ? text.charAt(i + 1) : NO_SECOND;
            for (Candidate candidate : candidates) {
                if (!found[candidate.id()]
                        && (candidate.second() == NO_SECOND || candidate.second() == next)
                        && text.startsWith(candidate.literal(), i)) {
                    found[candidate.id()] = true;
                }
            }
        }
        return found;
    }

    private Candidate[] startingWith(char first) {
        if (first < ASCII) {
            return byAsciiFirst[first];
        }
        int at = Arrays.binarySearch(otherFirsts, first);
        return at < 0 ? null : byOtherFirst[at];
    }
}
