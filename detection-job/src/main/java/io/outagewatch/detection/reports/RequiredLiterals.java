package io.outagewatch.detection.reports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The strings of which every match of a regular expression contains at least one: "is github down"
 * needs "down", so a sentence without "down" need not be searched. A phrase list runs hundreds of
 * regular expressions on each sentence, and most sentences hold none of their literals; this is how
 * a search engine for many patterns skips them (RE2's and Hyperscan's prefilters).
 *
 * <p>Sound, not complete: the answer may be empty (no prefilter) but never names a string that a
 * match could lack. Anything this reader does not understand (inline flags, {@code \Q}, back
 * references, a quantifier it cannot bound) gives no prefilter for the whole expression. Case is
 * taken literally: phrases run on lower-cased text without {@code CASE_INSENSITIVE}.
 */
final class RequiredLiterals {

    /** Sets larger than this are not multiplied out; a requirement stays with a smaller part. */
    static final int MAX_ALTERNATIVES = 64;

    private final String regex;
    private int at;

    private RequiredLiterals(String regex) {
        this.regex = regex;
    }

    /**
     * Strings of which every match of {@code regex} contains one, or empty when there is no such
     * requirement this reader can prove.
     */
    static Optional<List<String>> of(String regex) {
        RequiredLiterals reader = new RequiredLiterals(regex);
        try {
            Node node = reader.alternation();
            if (reader.at != regex.length()) {
                return Optional.empty();
            }
            return Optional.ofNullable(node.required).map(List::copyOf);
        } catch (Unsupported | IndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    /**
     * What is known of a piece of regex: {@code exact}, every string it can match, when few; {@code
     * required}, strings of which each match contains one (never containing the empty string).
     * Either may be null: not known.
     */
    private record Node(Set<String> exact, Set<String> required) {

        static final Node UNKNOWN = new Node(null, null);
        static final Node EMPTY = new Node(Set.of(""), null);

        static Node exactly(Set<String> exact) {
            if (exact == null) {
                return UNKNOWN;
            }
            return new Node(exact, exact.contains("") ? null : minimal(exact));
        }
    }

    /** Thrown on a construct this reader does not follow: no prefilter then. */
    private static final class Unsupported extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unsupported() {
            super(null, null, false, false);
        }
    }

    private Node alternation() {
        List<Node> branches = new ArrayList<>();
        branches.add(concatenation());
        while (at < regex.length() && regex.charAt(at) == '|') {
            at++;
            branches.add(concatenation());
        }
        if (branches.size() == 1) {
            return branches.get(0);
        }
        Set<String> exact = new LinkedHashSet<>();
        Set<String> required = new LinkedHashSet<>();
        for (Node branch : branches) {
            if (exact != null && branch.exact != null) {
                exact.addAll(branch.exact);
            } else {
                exact = null;
            }
            if (required != null && branch.required != null) {
                required.addAll(branch.required);
            } else {
                required = null;
            }
        }
        exact = bounded(exact);
        return exact != null ? Node.exactly(exact) : new Node(null, required);
    }

    private Node concatenation() {
        List<Node> parts = new ArrayList<>();
        while (at < regex.length() && regex.charAt(at) != '|' && regex.charAt(at) != ')') {
            parts.add(quantified(atom()));
        }
        Set<String> best = null;
        // The strings of the latest run of parts whose every string is known, and of all parts.
        Set<String> run = Set.of("");
        Set<String> whole = Set.of("");
        for (Node part : parts) {
            best = better(best, part.required);
            if (part.exact == null) {
                run = Set.of("");
                whole = null;
                continue;
            }
            Set<String> longer = product(run, part.exact);
            // Too many strings: a new run starts here, still a substring of every match.
            run = longer != null ? longer : part.exact;
            best = better(best, run.contains("") ? null : minimal(run));
            whole = whole == null ? null : product(whole, part.exact);
        }
        return whole != null ? Node.exactly(whole) : new Node(null, best);
    }

    /** The atom's node with the quantifier after it, if any, applied. */
    private Node quantified(Node atom) {
        if (at >= regex.length()) {
            return atom;
        }
        int min;
        int max;
        switch (regex.charAt(at)) {
            case '?' -> {
                min = 0;
                max = 1;
                at++;
            }
            case '*' -> {
                min = 0;
                max = Integer.MAX_VALUE;
                at++;
            }
            case '+' -> {
                min = 1;
                max = Integer.MAX_VALUE;
                at++;
            }
            case '{' -> {
                int close = regex.indexOf('}', at);
                if (close < 0) {
                    throw new Unsupported();
                }
                String[] bounds = regex.substring(at + 1, close).split(",", -1);
                try {
                    min = Integer.parseInt(bounds[0]);
                    max =
                            bounds.length == 1
                                    ? min
                                    : bounds[1].isEmpty()
                                            ? Integer.MAX_VALUE
                                            : Integer.parseInt(bounds[1]);
                } catch (NumberFormatException e) {
                    throw new Unsupported();
                }
                at = close + 1;
            }
            default -> {
                return atom;
            }
        }
        if (at < regex.length() && (regex.charAt(at) == '?' || regex.charAt(at) == '+')) {
            at++; // lazy or possessive: the same strings
        }
        if (min == 1 && max == 1) {
            return atom;
        }
        if (min == 0) {
            if (max == 1 && atom.exact != null) {
                Set<String> optional = new LinkedHashSet<>(atom.exact);
                optional.add("");
                return Node.exactly(optional);
            }
            return Node.UNKNOWN;
        }
        return new Node(null, atom.required);
    }

    private Node atom() {
        char c = regex.charAt(at);
        switch (c) {
            case '(' -> {
                return group();
            }
            case '[' -> {
                skipClass();
                return Node.UNKNOWN;
            }
            case '.' -> {
                at++;
                return Node.UNKNOWN;
            }
            case '^', '$' -> {
                at++;
                return Node.EMPTY;
            }
            case '\\' -> {
                return escape();
            }
            case '*', '+', '?', '{' -> throw new Unsupported();
            default -> {
                int codePoint = regex.codePointAt(at);
                at += Character.charCount(codePoint);
                return Node.exactly(Set.of(Character.toString(codePoint)));
            }
        }
    }

    private Node group() {
        at++;
        boolean zeroWidth = false;
        if (regex.startsWith("?", at)) {
            if (regex.startsWith("?:", at) || regex.startsWith("?>", at)) {
                at += 2;
            } else if (regex.startsWith("?=", at) || regex.startsWith("?!", at)) {
                at += 2;
                zeroWidth = true;
            } else if (regex.startsWith("?<=", at) || regex.startsWith("?<!", at)) {
                at += 3;
                zeroWidth = true;
            } else if (regex.startsWith("?<", at)) {
                int close = regex.indexOf('>', at);
                if (close < 0) {
                    throw new Unsupported();
                }
                at = close + 1;
            } else {
                throw new Unsupported(); // inline flags change what a literal matches
            }
        }
        Node inner = alternation();
        if (at >= regex.length() || regex.charAt(at) != ')') {
            throw new Unsupported();
        }
        at++;
        return zeroWidth ? Node.EMPTY : inner;
    }

    private Node escape() {
        char next = regex.charAt(at + 1);
        at += 2;
        if (next == 'b'
                || next == 'B'
                || next == 'A'
                || next == 'z'
                || next == 'Z'
                || next == 'G') {
            return Node.EMPTY;
        }
        if (next == 'p' || next == 'P') {
            if (regex.charAt(at) == '{') {
                int close = regex.indexOf('}', at);
                if (close < 0) {
                    throw new Unsupported();
                }
                at = close + 1;
            } else {
                at++;
            }
            return Node.UNKNOWN;
        }
        if ("dDsSwWhHvVRX".indexOf(next) >= 0) {
            return Node.UNKNOWN;
        }
        if (Character.isLetterOrDigit(next)) {
            throw new Unsupported(); // quoting, named or numbered references, control escapes
        }
        return Node.exactly(Set.of(String.valueOf(next)));
    }

    /** Moves past a character class, nested ones and escapes included. */
    private void skipClass() {
        int depth = 0;
        do {
            char c = regex.charAt(at);
            if (c == '\\') {
                at += 2;
                continue;
            }
            if (c == '[') {
                depth++;
                at++;
                if (regex.charAt(at) == '^') {
                    at++;
                }
                if (regex.charAt(at) == ']') {
                    at++; // a ']' first in a class is a literal
                }
                continue;
            }
            if (c == ']') {
                depth--;
            }
            at++;
        } while (depth > 0);
    }

    private static Set<String> product(Set<String> left, Set<String> right) {
        if ((long) left.size() * right.size() > MAX_ALTERNATIVES) {
            return null;
        }
        Set<String> product = new LinkedHashSet<>();
        for (String l : left) {
            for (String r : right) {
                product.add(l + r);
            }
        }
        return product;
    }

    /** Without the strings that contain another of the set: a match holding one holds both. */
    private static Set<String> minimal(Set<String> strings) {
        Set<String> minimal = new LinkedHashSet<>();
        for (String s : strings) {
            boolean containsAnother = false;
            for (String t : strings) {
                if (t.length() < s.length() && s.contains(t)) {
                    containsAnother = true;
                    break;
                }
            }
            if (!containsAnother) {
                minimal.add(s);
            }
        }
        return minimal;
    }

    private static Set<String> bounded(Set<String> strings) {
        return strings == null || strings.size() > MAX_ALTERNATIVES ? null : strings;
    }

    /**
     * The more selective of two requirements: the one whose shortest string is longer (a long
     * literal occurs in fewer sentences), then the one with fewer strings.
     */
    private static Set<String> better(Set<String> a, Set<String> b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        Comparator<Set<String>> selectivity =
                Comparator.comparingInt(RequiredLiterals::shortest)
                        .thenComparing(Comparator.comparingInt(Set<String>::size).reversed());
        return selectivity.compare(a, b) >= 0 ? a : b;
    }

    private static int shortest(Set<String> strings) {
        return strings.stream().mapToInt(String::length).min().orElse(0);
    }
}
