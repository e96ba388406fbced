package io.outagewatch.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build must pass from a fresh clone: nothing that is compiled, packaged or run may read the
 * reference folder some checkouts have beside the repository (its NAB copy, incidents, formats,
 * notes and hooks). Data the code needs lives in the repository (for example {@code
 * detection-job/src/main/resources/incidents/}, {@code benchmarks/src/test/resources/
 * nab-fixture/}).
 *
 * <p>Scanned: every file under {@code <module>/src/}, every {@code pom.xml}, {@code bin/} and
 * {@code scenarios/} (packaged as resources). Not scanned, on purpose: {@code docs/}, the READMEs
 * outside {@code src/}, {@code notebooks/} and {@code .ci/}, which describe or run the optional
 * full-corpus NAB check against such a folder. This class is scanned too; its pattern is built from
 * parts so that its own source holds no literal match.
 */
class SelfContainedRepositoryTest {

    private static final String SHARED = "shared";

    /** That folder by a parent-relative path (either separator), or a path into its subfolders. */
    static final Pattern SHARED_REFERENCE =
            Pattern.compile(
                    "\\.\\.[/\\\\]"
                            + SHARED
                            + "\\b|\\b"
                            + SHARED
                            + "/(nab|incidents|formats|notes|hooks)\\b");

    /** One offending line. */
    record Hit(Path file, int line, String text) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + text.strip();
        }
    }

    /** The scanned files and the offending lines among them. */
    record Scan(List<Path> files, List<Hit> hits) {}

    @Test
    void noBuiltOrPackagedFileRefersToTheFolderBesideTheRepository() throws IOException {
        Path root = repositoryRoot(Path.of("").toAbsolutePath());

        Scan scan = scan(root);

        assertThat(scan.files())
                .as("the scan must see this very file, or it is looking in the wrong place")
                .contains(
                        Path.of(
                                "events/src/test/java/io/outagewatch/events/"
                                        + getClass().getSimpleName()
                                        + ".java"))
                .contains(Path.of("pom.xml"), Path.of("bin/outagewatch"));
        assertThat(scan.hits())
                .as(
                        "files that refer to a folder beside the repository (a fresh clone has"
                                + " none; move the data into the repository)")
                .isEmpty();
    }

    @Test
    void patternCatchesTheReferencesTheBuildUsedToMake() {
        String parent = "..";
        assertThat(SHARED_REFERENCE.matcher(parent + "/" + SHARED + "/nab").find()).isTrue();
        assertThat(
                        SHARED_REFERENCE
                                .matcher("\"" + parent + "/" + parent + "/" + SHARED + "/nab\"")
                                .find())
                .isTrue();
        assertThat(SHARED_REFERENCE.matcher(parent + "\\" + SHARED + "\\nab").find()).isTrue();
        assertThat(
                        SHARED_REFERENCE
                                .matcher("\"" + SHARED + "/incidents/public-incidents.json\"")
                                .find())
                .isTrue();
        for (String folder : List.of("nab", "incidents", "formats", "notes", "hooks")) {
            assertThat(SHARED_REFERENCE.matcher(SHARED + "/" + folder + "/x").find())
                    .as(folder)
                    .isTrue();
        }
    }

    @Test
    void patternLeavesOrdinaryTextAlone() {
        assertThat(SHARED_REFERENCE.matcher("incidents/public-incidents.json").find()).isFalse();
        assertThat(SHARED_REFERENCE.matcher("a " + SHARED + " secret, " + SHARED + "/other").find())
                .isFalse();
        assertThat(SHARED_REFERENCE.matcher("../" + SHARED + "d-state").find()).isFalse();
        assertThat(SHARED_REFERENCE.matcher("over" + SHARED + "/nab").find()).isFalse();
    }

    @Test
    void scanNamesTheFileAndLine(@TempDir Path repo) throws IOException {
        write(repo.resolve("pom.xml"), "<project/>\n");
        write(repo.resolve("m/pom.xml"), "<project/>\n");
        write(
                repo.resolve("m/src/test/java/BadTest.java"),
                "class BadTest {\n  // reads NAB\n  Path p = Path.of(\"../../"
                        + SHARED
                        + "/nab\");\n}\n");
        write(repo.resolve("m/src/main/resources/ok.txt"), "nothing to see\n");
        write(repo.resolve("bin/tool"), "cat " + SHARED + "/notes/x.md\n");
        write(repo.resolve("docs/guide.md"), "see ../" + SHARED + "/nab\n");

        Scan scan = scan(repo);

        assertThat(scan.hits())
                .extracting(Hit::toString)
                .containsExactlyInAnyOrder(
                        Path.of("m/src/test/java/BadTest.java")
                                + ":3: Path p = Path.of(\"../../"
                                + SHARED
                                + "/nab\");",
                        Path.of("bin/tool") + ":1: cat " + SHARED + "/notes/x.md");
        assertThat(scan.files()).doesNotContain(Path.of("docs/guide.md"));
    }

    /**
     * The nearest directory at or above {@code from} that holds {@code mvnw} and {@code .mvn/}:
     * Surefire runs in the module's directory, an IDE may run in the root.
     */
    static Path repositoryRoot(Path from) {
        for (Path dir = from; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw"))
                    && Files.isDirectory(dir.resolve(".mvn"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no mvnw and .mvn/ at or above " + from);
    }

    /** Scans the files described in the class comment; paths relative to {@code root}. */
    static Scan scan(Path root) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> top = Files.list(root)) {
            for (Path dir : top.sorted().toList()) {
                String name = dir.getFileName().toString();
                if (name.equals("pom.xml")) {
                    files.add(dir);
                } else if (Files.isDirectory(dir) && !name.startsWith(".")) {
                    if (name.equals("bin") || name.equals("scenarios")) {
                        files.addAll(regularFilesUnder(dir));
                    }
                    if (Files.isRegularFile(dir.resolve("pom.xml"))) {
                        files.add(dir.resolve("pom.xml"));
                    }
                    if (Files.isDirectory(dir.resolve("src"))) {
                        files.addAll(regularFilesUnder(dir.resolve("src")));
                    }
                }
            }
        }
        List<Hit> hits = new ArrayList<>();
        for (Path file : files) {
            // ISO-8859-1 decodes any byte, so binary files are read without failing.
            List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
            for (int i = 0; i < lines.size(); i++) {
                if (SHARED_REFERENCE.matcher(lines.get(i)).find()) {
                    hits.add(new Hit(root.relativize(file), i + 1, lines.get(i)));
                }
            }
        }
        return new Scan(files.stream().map(root::relativize).toList(), hits);
    }

    private static List<Path> regularFilesUnder(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
