package io.outagewatch.sink.history;

import com.sun.security.auth.module.UnixSystem;
import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZInputStream;
import org.tukaani.xz.XZOutputStream;

/**
 * A real PostgreSQL server for tests, from zonky's Maven artifacts, on loopback.
 *
 * <p>PostgreSQL refuses to run as root, and containers and CI often run the build as root. Zonky
 * 2.2 copes by itself when it can: as root it runs {@code initdb} and {@code pg_ctl} under {@code
 * unshare -U}, a user namespace in which the process is no longer uid 0 ({@link
 * LinuxUtils#isUnshareAvailable()}). Where user namespaces are blocked (a container's seccomp
 * profile, {@code kernel.unprivileged_userns_clone=0}) this falls back to unpacking zonky's
 * binaries itself and handing zonky a {@link PgBinaryResolver} whose {@code initdb} and {@code
 * pg_ctl} are scripts that run the real ones as {@code nobody} ({@code setpriv}, else {@code
 * runuser}, both util-linux), in a data directory {@code nobody} owns.
 */
final class EmbeddedPostgresServer implements AutoCloseable {

    private static final String UNPRIVILEGED_USER = "nobody";
    private static final String BINARIES_DIRECTORY_PREFIX = "outagewatch-pg-binaries-";
    private static final Set<PosixFilePermission> WORLD_READABLE_DIRECTORY =
            PosixFilePermissions.fromString("rwxr-xr-x");

    private final EmbeddedPostgres postgres;
    private final Path dataParent;
    private final AtomicInteger databases = new AtomicInteger();

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataParent) {
        this.postgres = postgres;
        this.dataParent = dataParent;
    }

    static EmbeddedPostgresServer start() throws IOException {
        EmbeddedPostgres.Builder builder =
                EmbeddedPostgres.builder().setServerConfig("listen_addresses", "127.0.0.1");
        if (new UnixSystem().getUid() != 0 || LinuxUtils.isUnshareAvailable()) {
            return new EmbeddedPostgresServer(builder.start(), null);
        }
        Path binaries = unpackedBinaries();
        Path dataParent = Files.createTempDirectory("outagewatch-pg-data-");
        Files.setPosixFilePermissions(dataParent, WORLD_READABLE_DIRECTORY);
        Path data = Files.createDirectory(dataParent.resolve("data"));
        UserPrincipal nobody =
                data.getFileSystem()
                        .getUserPrincipalLookupService()
                        .lookupPrincipalByName(UNPRIVILEGED_USER);
        Files.setOwner(data, nobody);
        try {
            EmbeddedPostgres postgres =
                    builder.setPgBinaryResolver(new UnprivilegedWrappers(binaries))
                            .setDataDirectory(data)
                            .start();
            return new EmbeddedPostgresServer(postgres, dataParent);
        } catch (IOException | RuntimeException e) {
            deleteTree(dataParent);
            throw e;
        }
    }

    /** A new, empty database on this server, as a JDBC URL. */
    String newDatabaseUrl() throws SQLException {
        String name = "history_" + databases.incrementAndGet();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + name + "?user=postgres";
    }

    @Override
    public void close() throws IOException {
        postgres.close();
        if (dataParent != null) {
            deleteTree(dataParent);
        }
    }

    /**
     * Zonky's binaries unpacked once into a directory {@code nobody} can read, named by the
     * archive's digest; concurrent test JVMs unpack into their own temporary directory and the
     * first to rename it wins.
     */
    private static Path unpackedBinaries() throws IOException {
        byte[] archive;
        try (InputStream in =
                DefaultPostgresBinaryResolver.INSTANCE.getPgBinary("Linux", "x86_64")) {
            if (in == null) {
                throw new IOException("zonky has no PostgreSQL binaries for Linux x86_64");
            }
            archive = in.readAllBytes();
        }
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        Path target = tmp.resolve(BINARIES_DIRECTORY_PREFIX + sha256(archive));
        if (Files.isDirectory(target.resolve("bin"))) {
            return target;
        }
        Path staging = Files.createTempDirectory(tmp, BINARIES_DIRECTORY_PREFIX + "staging-");
        Files.setPosixFilePermissions(staging, WORLD_READABLE_DIRECTORY);
        try (TarArchiveInputStream tar =
                new TarArchiveInputStream(new XZInputStream(new ByteArrayInputStream(archive)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path path = staging.resolve(entry.getName()).normalize();
                if (!path.startsWith(staging)) {
                    throw new IOException("archive entry outside its directory: " + entry);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                    Files.setPosixFilePermissions(path, WORLD_READABLE_DIRECTORY);
                    continue;
                }
                Files.createDirectories(path.getParent());
                if (entry.isSymbolicLink()) {
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                } else {
                    Files.copy(tar, path);
                    boolean executable = (entry.getMode() & 0100) != 0;
                    Files.setPosixFilePermissions(
                            path,
                            PosixFilePermissions.fromString(
                                    executable ? "rwxr-xr-x" : "rw-r--r--"));
                }
            }
        }
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
            deleteTree(staging);
        } catch (IOException e) {
            deleteTree(staging);
            if (!Files.isDirectory(target.resolve("bin"))) {
                throw e;
            }
        }
        return target;
    }

    /**
     * Gives zonky an archive of just {@code bin/initdb} and {@code bin/pg_ctl}: scripts that run
     * the unpacked binaries as {@code nobody}. Zonky only ever calls these two.
     */
    private record UnprivilegedWrappers(Path binaries) implements PgBinaryResolver {

        @Override
        public InputStream getPgBinary(String system, String machineHardware) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (TarArchiveOutputStream tar =
                    new TarArchiveOutputStream(new XZOutputStream(bytes, new LZMA2Options()))) {
                for (String program : new String[] {"initdb", "pg_ctl"}) {
                    byte[] script = script(program).getBytes(StandardCharsets.UTF_8);
                    TarArchiveEntry entry = new TarArchiveEntry("bin/" + program);
                    entry.setSize(script.length);
                    entry.setMode(0755);
                    entry.setModTime(0);
                    tar.putArchiveEntry(entry);
                    tar.write(script);
                    tar.closeArchiveEntry();
                }
            }
            return new ByteArrayInputStream(bytes.toByteArray());
        }

        private String script(String program) {
            String real = binaries.resolve("bin").resolve(program).toString();
            String user = UNPRIVILEGED_USER;
            return String.join(
                    "\n",
                    "#!/bin/sh",
                    "# PostgreSQL refuses to run as root: run " + program + " as " + user + ".",
                    "cd /",
                    "if command -v setpriv >/dev/null 2>&1; then",
                    "  exec setpriv --reuid=\"$(id -u "
                            + user
                            + ")\" --regid=\"$(id -g "
                            + user
                            + ")\" --clear-groups -- '"
                            + real
                            + "' \"$@\"",
                    "fi",
                    "exec runuser -u " + user + " -- '" + real + "' \"$@\"",
                    "");
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(
                            path -> {
                                try {
                                    Files.deleteIfExists(path);
                                } catch (IOException e) {
                                    throw new UncheckedIOException(e);
                                }
                            });
        } catch (IOException | UncheckedIOException e) {
            // Best effort: a leftover temporary directory is not a test failure.
        }
    }
}
