package dev.locksmith.jdbc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL server for tests and benchmarks, from the distribution's binaries
 * ({@code /usr/lib/postgresql/<version>/bin}, newest version first, or {@code LOCKSMITH_PG_BIN}): {@code initdb} into
 * a fresh temporary directory with trust authentication, then {@code pg_ctl start} on a free loopback port
 * (listen_addresses=127.0.0.1, unix socket in the temporary directory), and one database, {@code locksmith_test}.
 * PostgreSQL refuses to run as root, so when the JVM is root the directory is given to the {@code postgres} user and
 * every command runs through {@code runuser -u postgres --}. {@link #close()} stops the server ({@code pg_ctl stop -m
 * immediate}) and deletes the directory; a shutdown hook does the same if the JVM ends first. What else differs is
 * the {@link Purpose}'s.
 *
 * <p>The one way Locksmith's builds start a PostgreSQL server: the benchmarks use it too, from this module's test
 * jar (which holds this class alone).
 */
public final class RunningPostgres implements AutoCloseable {
    /** What a server is started for. */
    public enum Purpose {
        /**
         * Tests: durability off (fsync, synchronous_commit, full_page_writes: the data is thrown away), 300
         * connections, and from PostgreSQL 15 on a natural-language default collation (ICU en-US), as a host's
         * database would have.
         */
        TESTS,
        /**
         * Benchmarks: durability at PostgreSQL's defaults, so that a commit costs what it costs a host; the
         * default 100 connections and the C locale ({@code --no-locale}), as the published figures were measured.
         */
        MEASUREMENTS
    }

    private static final String DATABASE = "locksmith_test";
    private static final AtomicInteger SCHEMAS = new AtomicInteger();

    private final Purpose purpose;
    private final Path binaries;
    private final Path directory;
    private final boolean asPostgresUser;
    private final int port;
    private final AtomicBoolean stopped = new AtomicBoolean();

    private RunningPostgres(Purpose purpose, Path binaries, Path directory, boolean asPostgresUser, int port) {
        this.purpose = purpose;
        this.binaries = binaries;
        this.directory = directory;
        this.asPostgresUser = asPostgresUser;
        this.port = port;
    }

    /** Finds the binaries, creates, starts and prepares a server for tests. */
    static RunningPostgres start() {
        return start(Purpose.TESTS);
    }

    /**
     * Finds the binaries, creates, starts and prepares a server.
     *
     * @throws IllegalStateException when the binaries are missing or the server does not start
     */
    public static RunningPostgres start(Purpose purpose) {
        Path binaries = binaries(System.getenv("LOCKSMITH_PG_BIN"), Path.of("/usr/lib/postgresql"));
        boolean root = "root".equals(System.getProperty("user.name"));
        try {
            Path directory = Files.createTempDirectory("locksmith-pg-");
            if (root) {
                UserPrincipal postgres = directory
                        .getFileSystem()
                        .getUserPrincipalLookupService()
                        .lookupPrincipalByName("postgres");
                Files.setOwner(directory, postgres);
            }
            IllegalStateException last = null;
            for (int attempt = 0; attempt < 3; attempt++) {
                RunningPostgres server = new RunningPostgres(purpose, binaries, directory, root, freePort());
                try {
                    server.initAndStart(attempt == 0);
                    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "locksmith-pg-stop"));
                    server.createDatabase();
                    return server;
                } catch (IllegalStateException e) {
                    // Most likely the port was taken between probing and binding: try another one.
                    last = e;
                    server.stopQuietly();
                }
            }
            deleteTree(directory);
            throw last;
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare a PostgreSQL data directory", e);
        }
    }

    /**
     * The server binaries: {@code override} when it holds {@code pg_ctl}, else the newest {@code <root>/<version>/bin}.
     *
     * @throws IllegalStateException saying how to install them when there are none: the tests fail, never skip
     */
    static Path binaries(String override, Path root) {
        return findBinaries(override, root)
                .orElseThrow(
                        () -> new IllegalStateException(
                                "PostgreSQL server binaries (initdb, pg_ctl) not found under " + root + "/*/bin. "
                                        + "The PostgreSQL tests need them: run .ci/run (it installs them), or install the "
                                        + "distribution's package (apt-get install postgresql), or point LOCKSMITH_PG_BIN at them."));
    }

    private static Optional<Path> findBinaries(String override, Path root) {
        if (override != null && Files.isExecutable(Path.of(override, "pg_ctl"))) {
            return Optional.of(Path.of(override));
        }
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(bin ->
                            Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl")))
                    .max(Comparator.comparing(
                            bin -> versionOf(bin.getParent().getFileName().toString())));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Integer versionOf(String name) {
        try {
            return Integer.parseInt(name.replaceAll("[^0-9].*$", ""));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private Path data() {
        return directory.resolve("data");
    }

    private void initAndStart(boolean init) {
        if (init) {
            List<String> initdb = new ArrayList<>(List.of(
                    binaries.resolve("initdb").toString(),
                    "-D",
                    data().toString(),
                    "--auth=trust",
                    "--username=postgres",
                    "--encoding=UTF8",
                    "--no-sync"));
            if (purpose == Purpose.TESTS
                    && versionOf(binaries.getParent().getFileName().toString()) >= 15) {
                // A natural-language default collation, as most hosts' databases have (en_US sorts '_' before
                // digits, unlike code-point order): the tests then show the schema does not depend on it.
                initdb.addAll(List.of("--locale=C.UTF-8", "--locale-provider=icu", "--icu-locale=en-US"));
            } else {
                initdb.add("--no-locale");
            }
            run(initdb, 120);
        }
        String options = "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=" + directory;
        if (purpose == Purpose.TESTS) {
            options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300";
        }
        run(pgCtl("-l", directory.resolve("postgres.log").toString(), "-w", "-t", "60", "-o", options, "start"), 90);
    }

    /** A {@code pg_ctl} command on this server's data directory. */
    private List<String> pgCtl(String... arguments) {
        List<String> command =
                new ArrayList<>(List.of(binaries.resolve("pg_ctl").toString(), "-D", data().toString()));
        command.addAll(Arrays.asList(arguments));
        return command;
    }

    private void createDatabase() {
        try (Connection c = DriverManager.getConnection(url("postgres"));
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + DATABASE);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the test database", e);
        }
    }

    private void run(List<String> command, int timeoutSeconds) {
        List<String> full = new ArrayList<>();
        if (asPostgresUser) {
            full.addAll(Arrays.asList("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        Path output = directory.resolve("command.out");
        try {
            Process process = new ProcessBuilder(full)
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out: " + String.join(" ", full));
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("failed (exit " + process.exitValue() + "): " + String.join(" ", full)
                        + "\n" + tail(output) + "\n" + tail(directory.resolve("postgres.log")));
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + String.join(" ", full), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + String.join(" ", full), e);
        }
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }

    /** JDBC URL of a database of this server, as the superuser. */
    String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=postgres";
    }

    /** JDBC URL of the test database, as the superuser. */
    public String url() {
        return url(DATABASE);
    }

    /** {@code 127.0.0.1:PORT}, as PostgreSQL's driver names the server in its messages. */
    public String hostAndPort() {
        return "127.0.0.1:" + port;
    }

    /**
     * A login {@code user} that must give {@code password} (scram-sha-256; every other user keeps trust), owning
     * a database of its name: for tests that prove a password is really checked. Returns that database's JDBC URL,
     * with no user in it.
     *
     * @throws IllegalStateException when the role, its database or the authentication rule cannot be set up
     */
    public String passwordUser(String user, String password) {
        try (Connection c = DriverManager.getConnection(url("postgres"));
                Statement s = c.createStatement()) {
            s.execute("SET password_encryption = 'scram-sha-256'");
            s.execute("CREATE ROLE " + user + " LOGIN PASSWORD '" + password.replace("'", "''") + "'");
            s.execute("CREATE DATABASE " + user + " OWNER " + user);
            // The first matching line wins: this user's rule goes before initdb's trust lines.
            Path hba = data().resolve("pg_hba.conf");
            Files.writeString(hba, "host all " + user + " 127.0.0.1/32 scram-sha-256\n" + Files.readString(hba));
            s.execute("SELECT pg_reload_conf()");
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("could not set up the password user " + user, e);
        }
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/" + user;
        awaitPasswordRequired(url, user);
        return url;
    }

    /** Waits (10 s at most) until the reloaded rule refuses {@code user} without a password. */
    private static void awaitPasswordRequired(String url, String user) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try (Connection c = DriverManager.getConnection(url + "?user=" + user)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the server still lets " + user + " in without a password");
                }
            } catch (SQLException expected) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    /** The server's process id (the postmaster's), from its {@code postmaster.pid}. */
    public long processId() {
        try {
            return Long.parseLong(
                    Files.readAllLines(data().resolve("postmaster.pid")).get(0).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the server's process id", e);
        }
    }

    /** A schema name not used before in this run, so each store starts empty. */
    String newSchema() {
        return "t" + SCHEMAS.incrementAndGet();
    }

    @Override
    public void close() {
        if (stopped.compareAndSet(false, true)) {
            stopQuietly();
            deleteTree(directory);
        }
    }

    private void stopQuietly() {
        try {
            if (Files.exists(data().resolve("postmaster.pid"))) {
                run(pgCtl("-m", "immediate", "-w", "stop"), 60);
            }
        } catch (RuntimeException e) {
            // Best effort at shutdown: a leftover server dies with the machine's session.
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // Best effort: it is a temporary directory.
        }
    }
}
