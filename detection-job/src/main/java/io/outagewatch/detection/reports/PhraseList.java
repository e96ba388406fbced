package io.outagewatch.detection.reports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * Regular expressions read once from {@code phrases/<list>/<language>.txt} on the classpath, each
 * matched against the kind of text its section names. The file format is described in {@code
 * phrases/README.md} beside the files.
 */
final class PhraseList {

    /** The text a phrase is matched against, as a file's section header names it. */
    enum Scope {
        /** One sentence of the normalised post. */
        SENTENCE("sentence"),
        /** The whole normalised post. */
        POST("post"),
        /** The whole normalised post, when it had a link. */
        LINKED_POST("post with a link"),
        /** The post as its author wrote it: case kept, links in. */
        WRITTEN_POST("post as written");

        final String header;

        Scope(String header) {
            this.header = header;
        }
    }

    static final String ROOT = "phrases/";

    /** Unicode-aware word boundaries for Latin-script phrases; Japanese phrases go without. */
    static final Map<String, String> BUILT_IN_FRAGMENTS =
            Map.of("word-start", "(?<!\\w)", "word-end", "(?!\\w)");

    private static final String FRAGMENTS_HEADER = "fragments";
    private static final Pattern SECTION = Pattern.compile("\\[([a-z ]+)]");
    private static final Pattern ENTRY = Pattern.compile("([a-z][a-z0-9-]*) = (\\S.*)");
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]*)}");

    /** The phrases of each scope, indexed by its ordinal, in file order. */
    private final ScopePhrases[] phrases;

    private PhraseList(ScopePhrases[] phrases) {
        this.phrases = phrases;
    }

    /**
     * Reads {@code phrases/<list>/<language>.txt} for each language, in order.
     *
     * @param scopes the scopes this list may have phrases for; a file with others is rejected
     * @throws IllegalStateException if a file is missing or does not follow the format; the message
     *     names the file and line
     */
    static PhraseList load(String list, List<String> languages, Set<Scope> scopes) {
        Reading reading = new Reading(scopes);
        for (String language : languages) {
            String resource = ROOT + list + "/" + language + ".txt";
            reading.read(resource, readLines(resource));
        }
        return reading.result();
    }

    /** The phrases of one file's lines; {@code file} names it in error messages. */
    static PhraseList parse(String file, List<String> lines, Set<Scope> scopes) {
        Reading reading = new Reading(scopes);
        reading.read(file, lines);
        return reading.result();
    }

    /** Whether any phrase of the scope occurs in the text. */
    boolean anyIn(Scope scope, String text) {
        return phrases[scope.ordinal()].anyIn(text);
    }

    /** The phrases of a scope, in file order. */
    List<Pattern> patterns(Scope scope) {
        return List.of(phrases[scope.ordinal()].patterns());
    }

    /**
     * The phrases of one scope, each with the strings one of which any match of it contains ({@link
     * RequiredLiterals}; null when none are known), and an index of all those strings. A phrase
     * none of whose strings occurs in a text cannot match it and is not run: most are not.
     */
    private record ScopePhrases(Pattern[] patterns, int[][] needs, LiteralIndex literals) {

        static ScopePhrases of(List<Pattern> patterns) {
            List<String> literals = new ArrayList<>();
            Map<String, Integer> ids = new HashMap<>();
            int[][] needs = new int[patterns.size()][];
            for (int i = 0; i < needs.length; i++) {
                List<String> required = RequiredLiterals.of(patterns.get(i).pattern()).orElse(null);
                if (required == null) {
                    continue;
                }
                needs[i] = new int[required.size()];
                for (int j = 0; j < required.size(); j++) {
                    String literal = required.get(j);
                    Integer id = ids.putIfAbsent(literal, literals.size());
                    if (id == null) {
                        id = literals.size();
                        literals.add(literal);
                    }
                    needs[i][j] = id;
                }
            }
            return new ScopePhrases(
                    patterns.toArray(Pattern[]::new), needs, new LiteralIndex(literals));
        }

        boolean anyIn(String text) {
            boolean[] occurring = null;
            for (int i = 0; i < patterns.length; i++) {
                if (needs[i] != null) {
                    if (occurring == null) {
                        occurring = literals.occurrences(text);
                    }
                    if (!anyOccurs(needs[i], occurring)) {
                        continue;
                    }
                }
                if (patterns[i].matcher(text).find()) {
                    return true;
                }
            }
            return false;
        }

        private static boolean anyOccurs(int[] ids, boolean[] occurring) {
            for (int id : ids) {
                if (occurring[id]) {
                    return true;
                }
            }
            return false;
        }
    }

    private static List<String> readLines(String resource) {
        ClassLoader loader = PhraseList.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(
                        "phrase file " + resource + " is not on the classpath");
            }
            try (BufferedReader reader =
                    new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                return reader.lines().toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read phrase file " + resource, e);
        }
    }

    /** The files of one list as they are read, one after the other. */
    private static final class Reading {

        private final Set<Scope> scopes;
        private final Map<Scope, List<Pattern>> byScope = new EnumMap<>(Scope.class);

        // The file being read: names and fragments are its own.
        private String file;
        private Set<String> names;
        private Map<String, String> fragments;
        private String section;
        private Entry entry;
        private int phrasesInFile;

        Reading(Set<Scope> scopes) {
            this.scopes = scopes;
        }

        void read(String file, List<String> lines) {
            this.file = file;
            names = new HashSet<>();
            fragments = new HashMap<>(BUILT_IN_FRAGMENTS);
            section = null;
            entry = null;
            phrasesInFile = 0;
            for (int i = 0; i < lines.size(); i++) {
                readLine(i + 1, lines.get(i));
            }
            finishEntry();
            if (phrasesInFile == 0) {
                throw new IllegalStateException(file + ": holds no phrases");
            }
        }

        PhraseList result() {
            ScopePhrases[] phrases = new ScopePhrases[Scope.values().length];
            for (Scope scope : Scope.values()) {
                phrases[scope.ordinal()] = ScopePhrases.of(byScope.getOrDefault(scope, List.of()));
            }
            return new PhraseList(phrases);
        }

        private void readLine(int number, String line) {
            if (!line.isEmpty() && Character.isWhitespace(line.charAt(line.length() - 1))) {
                throw error(number, "trailing whitespace; end a regex with \\s instead");
            }
            String text = line.strip();
            if (text.startsWith("#")) {
                return;
            }
            if (!text.isEmpty() && Character.isWhitespace(line.charAt(0))) {
                if (entry == null) {
                    throw error(
                            number, "an indented line continues a phrase, but none is above it");
                }
                entry.regex().append(text);
                return;
            }
            finishEntry();
            if (text.isEmpty()) {
                return;
            }
            Matcher header = SECTION.matcher(text);
            if (header.matches()) {
                section = header.group(1);
                checkSection(number);
                return;
            }
            Matcher definition = ENTRY.matcher(text);
            if (!definition.matches()) {
                throw error(number, "expected 'name = regex', a [section] or a # comment");
            }
            if (section == null) {
                throw error(number, "a phrase before any [section]");
            }
            String name = definition.group(1);
            boolean defined =
                    section.equals(FRAGMENTS_HEADER)
                            ? fragments.containsKey(name)
                            : !names.add(name);
            if (defined) {
                throw error(number, "'" + name + "' is defined twice");
            }
            entry = new Entry(number, name, new StringBuilder(definition.group(2)));
        }

        private void checkSection(int line) {
            if (section.equals(FRAGMENTS_HEADER)) {
                return;
            }
            Scope scope = scopeOf(section);
            if (scope == null) {
                throw error(
                        line,
                        "unknown section ["
                                + section
                                + "]; known: "
                                + headers(EnumSet.allOf(Scope.class))
                                + ", ["
                                + FRAGMENTS_HEADER
                                + "]");
            }
            if (!scopes.contains(scope)) {
                throw error(
                        line,
                        "[" + section + "] is not read from this list, only " + headers(scopes));
            }
        }

        /** Expands and compiles the entry just read, if any. */
        private void finishEntry() {
            if (entry == null) {
                return;
            }
            String regex = expand();
            if (section.equals(FRAGMENTS_HEADER)) {
                fragments.put(entry.name(), regex);
            } else {
                try {
                    // Unicode-aware \w and \b, so "caído" and "störung" are single words.
                    Pattern phrase = Pattern.compile(regex, Pattern.UNICODE_CHARACTER_CLASS);
                    byScope.computeIfAbsent(scopeOf(section), s -> new ArrayList<>()).add(phrase);
                    phrasesInFile++;
                } catch (PatternSyntaxException e) {
                    throw error(
                            entry.line(),
                            "'"
                                    + entry.name()
                                    + "' is not a valid regular expression: "
                                    + e.getDescription()
                                    + " near index "
                                    + e.getIndex()
                                    + " of "
                                    + regex);
                }
            }
            entry = null;
        }

        private String expand() {
            Matcher reference = REFERENCE.matcher(entry.regex());
            StringBuilder expanded = new StringBuilder();
            while (reference.find()) {
                String fragment = fragments.get(reference.group(1));
                if (fragment == null) {
                    throw error(
                            entry.line(),
                            "'"
                                    + entry.name()
                                    + "' uses ${"
                                    + reference.group(1)
                                    + "}, which is neither built in ("
                                    + String.join(", ", new TreeSet<>(BUILT_IN_FRAGMENTS.keySet()))
                                    + ") nor in a [fragments] section above it");
                }
                reference.appendReplacement(expanded, Matcher.quoteReplacement(fragment));
            }
            reference.appendTail(expanded);
            return expanded.toString();
        }

        private IllegalStateException error(int line, String problem) {
            return new IllegalStateException(file + ":" + line + ": " + problem);
        }
    }

    /** One phrase or fragment being read: the line it starts on, its name and its regex so far. */
    private record Entry(int line, String name, StringBuilder regex) {}

    private static Scope scopeOf(String header) {
        for (Scope scope : Scope.values()) {
            if (scope.header.equals(header)) {
                return scope;
            }
        }
        return null;
    }

    private static String headers(Set<Scope> scopes) {
        return scopes.stream().map(s -> "[" + s.header + "]").collect(Collectors.joining(", "));
    }
}
