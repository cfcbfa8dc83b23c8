package dev.locksmith.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for the command line's tests, from the distribution's binaries (which
 * {@code .ci/run} installs): a fresh cluster in a temporary folder whose one user, {@code locksmith}, must
 * give its password (scram-sha-256), so the tests prove the password the command passes is really checked.
 * On loopback, on a free port; as root, run as the {@code postgres} user. {@link #close()} stops the server
 * and deletes the folder. Fails, never skips, without the binaries.
 */
final class ThrowawayPostgres implements AutoCloseable {
    static final String USER = "locksmith";

    private final Path bin;
    private final Path folder;
    private final boolean asPostgres;
    private final int port;

    private ThrowawayPostgres(Path bin, Path folder, boolean asPostgres, int port) {
        this.bin = bin;
        this.folder = folder;
        this.asPostgres = asPostgres;
        this.port = port;
    }

    /** Creates and starts a cluster whose user {@link #USER} has {@code password}. */
    static ThrowawayPostgres start(String password) throws IOException {
        Path bin;
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            bin = versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparing(Path::toString))
                    .orElseThrow(() -> new IllegalStateException(
                            "no PostgreSQL binaries: run .ci/run or apt-get install postgresql"));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalStateException(
                    "no PostgreSQL binaries under /usr/lib/postgresql: run .ci/run or " + "apt-get install postgresql",
                    e);
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        Path folder = Files.createTempDirectory("locksmith-cli-pg-");
        Path pwfile = Files.writeString(folder.resolve("pwfile"), password + "\n");
        if (root) {
            UserPrincipal postgres =
                    folder.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
            Files.setOwner(folder, postgres);
            Files.setOwner(pwfile, postgres);
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        ThrowawayPostgres server = new ThrowawayPostgres(bin, folder, root, port);
        server.run(List.of(
                bin.resolve("initdb").toString(),
                "-D",
                folder.resolve("data").toString(),
                "--username=" + USER,
                "--pwfile=" + pwfile,
                "--auth=scram-sha-256",
                "--encoding=UTF8",
                "--no-locale",
                "--no-sync"));
        server.run(List.of(
                bin.resolve("pg_ctl").toString(),
                "-D",
                folder.resolve("data").toString(),
                "-l",
                folder.resolve("postgres.log").toString(),
                "-w",
                "-t",
                "60",
                "-o",
                "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=" + folder + " -c fsync=off",
                "start"));
        return server;
    }

    /** {@code 127.0.0.1:PORT}. */
    String hostAndPort() {
        return "127.0.0.1:" + port;
    }

    /** The JDBC URL of the cluster's {@code postgres} database. */
    String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    @Override
    public void close() throws IOException {
        try {
            run(List.of(
                    bin.resolve("pg_ctl").toString(),
                    "-D",
                    folder.resolve("data").toString(),
                    "-m",
                    "immediate",
                    "stop"));
        } finally {
            Wiring.deleteFolder(folder);
        }
    }

    private void run(List<String> command) {
        List<String> full = new ArrayList<>(asPostgres ? List.of("runuser", "-u", "postgres", "--") : List.of());
        full.addAll(command);
        try {
            Process process = new ProcessBuilder(full)
                    .redirectErrorStream(true)
                    .redirectOutput(folder.resolve("command.out").toFile())
                    .start();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out: " + full);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(
                        "failed: " + full + "\n" + Files.readString(folder.resolve("command.out")));
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + full, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + full, e);
        }
    }
}
