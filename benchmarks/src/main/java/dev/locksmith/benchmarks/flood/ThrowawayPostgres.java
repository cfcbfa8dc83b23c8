package dev.locksmith.benchmarks.flood;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL server for a benchmark trial, started as the JDBC adapter's tests start theirs: the
 * distribution's binaries (newest {@code /usr/lib/postgresql/<version>/bin}, or {@code LOCKSMITH_PG_BIN}),
 * {@code initdb} into a fresh temporary directory with trust authentication, {@code pg_ctl start} on a free
 * loopback port, one database {@code locksmith_bench}. When the JVM runs as root every command runs through
 * {@code runuser -u postgres --}. Unlike the tests' server, durability stays at PostgreSQL's defaults
 * ({@code fsync}, {@code synchronous_commit} on): a commit costs what it costs a host. {@link #close()} stops
 * it ({@code pg_ctl stop -m fast}) and deletes the directory; a shutdown hook does the same if the JVM ends
 * first. Not thread-safe (one trial uses it).
 */
final class ThrowawayPostgres implements AutoCloseable {
    private static final String DATABASE = "locksmith_bench";

    private final Path binaries;
    private final Path directory;
    private final boolean asPostgresUser;
    private final int port;
    private final AtomicBoolean stopped = new AtomicBoolean();

    private ThrowawayPostgres(Path binaries, Path directory, boolean asPostgresUser, int port) {
        this.binaries = binaries;
        this.directory = directory;
        this.asPostgresUser = asPostgresUser;
        this.port = port;
    }

    /**
     * Creates, starts and prepares a server.
     *
     * @throws IllegalStateException when the binaries are missing or the server does not start
     */
    static ThrowawayPostgres start() {
        Path binaries = binaries();
        boolean root = "root".equals(System.getProperty("user.name"));
        try {
            Path directory = Files.createTempDirectory("locksmith-bench-pg-");
            if (root) {
                Files.setOwner(
                        directory,
                        directory
                                .getFileSystem()
                                .getUserPrincipalLookupService()
                                .lookupPrincipalByName("postgres"));
            }
            ThrowawayPostgres server = new ThrowawayPostgres(binaries, directory, root, freePort());
            server.run(
                    List.of(
                            binaries.resolve("initdb").toString(),
                            "-D",
                            server.data().toString(),
                            "--auth=trust",
                            "--username=postgres",
                            "--encoding=UTF8",
                            "--no-locale"),
                    120);
            server.run(
                    List.of(
                            binaries.resolve("pg_ctl").toString(),
                            "-D",
                            server.data().toString(),
                            "-l",
                            directory.resolve("postgres.log").toString(),
                            "-w",
                            "-t",
                            "60",
                            "-o",
                            "-p " + server.port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories="
                                    + directory,
                            "start"),
                    90);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "locksmith-bench-pg-stop"));
            try (Connection c = DriverManager.getConnection(server.url("postgres"));
                    Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + DATABASE);
            } catch (SQLException e) {
                server.close();
                throw new IllegalStateException("could not create the benchmark database", e);
            }
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare a PostgreSQL data directory", e);
        }
    }

    /**
     * CPU time used so far by the server: the postmaster and its live children (the backends serving the
     * pool, the background workers) from {@code /proc/<pid>/stat}, plus the children that have ended. Clock
     * ticks of 10 ms; -1 when {@code /proc} cannot be read.
     */
    long cpuNanos() {
        try {
            long postmaster = Long.parseLong(
                    Files.readAllLines(data().resolve("postmaster.pid")).get(0).trim());
            String[] own = statFields(postmaster);
            long ticks = Long.parseLong(own[13])
                    + Long.parseLong(own[14])
                    + Long.parseLong(own[15])
                    + Long.parseLong(own[16]);
            try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
                for (Path process : (Iterable<Path>) processes::iterator) {
                    String name = process.getFileName().toString();
                    if (!name.chars().allMatch(Character::isDigit)) {
                        continue;
                    }
                    try {
                        String[] fields = statFields(Long.parseLong(name));
                        if (Long.parseLong(fields[3]) == postmaster) {
                            ticks += Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
                        }
                    } catch (IOException | RuntimeException e) {
                        // The process ended meanwhile.
                    }
                }
            }
            return ticks * 10_000_000L;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The fields of {@code /proc/<pid>/stat}, numbered from 0 (the command, in parentheses, skipped over). */
    private static String[] statFields(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] rest = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        String[] fields = new String[rest.length + 2];
        fields[0] = Long.toString(pid);
        fields[1] = "";
        System.arraycopy(rest, 0, fields, 2, rest.length);
        return fields;
    }

    /** JDBC URL of the benchmark database, as the superuser. */
    String url() {
        return url(DATABASE);
    }

    private String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=postgres";
    }

    @Override
    public void close() {
        if (stopped.compareAndSet(false, true)) {
            try {
                if (Files.exists(data().resolve("postmaster.pid"))) {
                    run(
                            List.of(
                                    binaries.resolve("pg_ctl").toString(),
                                    "-D",
                                    data().toString(),
                                    "-m",
                                    "fast",
                                    "-w",
                                    "stop"),
                            60);
                }
            } catch (RuntimeException e) {
                // Best effort: a leftover server dies with the machine's session.
            }
            try (Stream<Path> paths = Files.walk(directory)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // Best effort: it is a temporary directory.
            }
        }
    }

    private Path data() {
        return directory.resolve("data");
    }

    private static Path binaries() {
        String override = System.getenv("LOCKSMITH_PG_BIN");
        if (override != null && Files.isExecutable(Path.of(override, "pg_ctl"))) {
            return Path.of(override);
        }
        Path root = Path.of("/usr/lib/postgresql");
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(bin ->
                            Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl")))
                    .max(Comparator.comparing(
                            bin -> version(bin.getParent().getFileName().toString())))
                    .orElseThrow();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(
                    "PostgreSQL server binaries (initdb, pg_ctl) not found under " + root
                            + "/*/bin: install the distribution's postgresql package or set LOCKSMITH_PG_BIN",
                    e);
        }
    }

    private static int version(String name) {
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

    private void run(List<String> command, int timeoutSeconds) {
        List<String> full = new ArrayList<>();
        if (asPostgresUser) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
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
                        + "\n" + Files.readString(output));
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + String.join(" ", full), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + String.join(" ", full), e);
        }
    }
}
