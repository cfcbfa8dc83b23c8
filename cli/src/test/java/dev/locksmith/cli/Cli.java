package dev.locksmith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locksmith.crypto.Argon2Settings;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;

/**
 * Runs the {@code locksmith} command in-process, as a shell would, against a data folder: standard input,
 * environment variables and an optional terminal are the test's; standard output and error are captured.
 * Every instance shares one set of adapters with test-only Argon2 parameters (a hash in about a millisecond)
 * and the blocklist loaded once.
 */
final class Cli {
    /** The passwords of the users the tests create: admin, rep, alice and bob. */
    static final String ADMIN_PASSWORD = "amber lighthouse keeps watch";

    static final String REP_PASSWORD = "quiet harbor at dawn";
    static final String ALICE_PASSWORD = "forgotten long ago";
    static final String BOB_PASSWORD = "granite river slowly bends";

    /** Argon2id at a test-only cost; everything else as in production. */
    static final Adapters FAST = ProductionAdapters.withArgon2(Argon2Settings.testOnly(256, 1, 1));

    private final List<String> globals = new ArrayList<>();
    private final Map<String, String> variables = new HashMap<>();
    private Optional<Terminal> terminal = Optional.empty();
    private java.time.Duration lockWait;
    private Path workingDirectory = Path.of("");
    private Map<String, Class<?>> extraCommands = Map.of();

    Cli(Path data) {
        globals.add("--data");
        globals.add(data.toString());
    }

    private Cli() {}

    /** No global option: the settings come from the environment variables and the defaults. */
    static Cli bare() {
        return new Cli();
    }

    /** Adds global options (before the command), e.g. {@code --mail-config FILE}. */
    Cli with(String... options) {
        globals.addAll(List.of(options));
        return this;
    }

    Cli variable(String name, String value) {
        variables.put(name, value);
        return this;
    }

    /** How long a command waits for another process holding the embedded store. */
    Cli lockWait(java.time.Duration wait) {
        lockWait = wait;
        return this;
    }

    /** The folder relative paths are relative to, as a shell's current directory. */
    Cli in(Path folder) {
        workingDirectory = folder;
        return this;
    }

    /** Runs the command line with these subcommands added, as the demo jar's main class does. */
    Cli commands(Map<String, Class<?>> extra) {
        extraCommands = extra;
        return this;
    }

    Cli terminal(Terminal value) {
        terminal = Optional.of(value);
        return this;
    }

    /** Copies a data folder (a closed H2 database), so that tests start from one prepared once. */
    static void copy(Path from, Path to) {
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                java.nio.file.Files.copy(file, to.resolve(from.relativize(file).toString()));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** {@code init --admin admin OPTIONS} with {@link #ADMIN_PASSWORD}; the test fails unless it succeeds. */
    Cli init(String... options) {
        return succeed(ADMIN_PASSWORD, List.of("init", "--admin", "admin"), options);
    }

    /** {@code user create --as admin NAME OPTIONS} with {@code password}; the test fails unless it succeeds. */
    Cli create(String name, String password, String... options) {
        return succeed(password, List.of("user", "create", "--as", "admin", name), options);
    }

    /** {@code rep}, allowed to set passwords, as {@link #create} makes it. */
    Cli createRep(String... options) {
        List<String> all = new ArrayList<>(List.of(options));
        all.addAll(List.of("--permission", "set-passwords"));
        return create("rep", REP_PASSWORD, all.toArray(String[]::new));
    }

    private Cli succeed(String password, List<String> command, String... options) {
        List<String> args = new ArrayList<>(command);
        args.addAll(List.of(options));
        args.add("--password-stdin");
        Result result = input(password + "\n", args.toArray(String[]::new));
        assertThat(result.exit()).as(result.toString()).isZero();
        return this;
    }

    /** Runs with empty standard input. */
    Result run(String... args) {
        return input("", args);
    }

    /** Runs with {@code stdin} as standard input. */
    Result input(String stdin, String... args) {
        return inputBytes(stdin.getBytes(StandardCharsets.UTF_8), args);
    }

    /** Runs with these bytes as standard input. */
    Result inputBytes(byte[] stdin, String... args) {
        Environment environment =
                new Environment(new ByteArrayInputStream(stdin), variables::get, terminal, FAST, workingDirectory);
        LocksmithCommand command = new LocksmithCommand(environment, extraCommands);
        if (lockWait != null) {
            command.lockWait(lockWait);
        }
        CommandLine line = LocksmithCommand.commandLine(command);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(globals);
        all.addAll(List.of(args));
        int code = line.execute(all.toArray(String[]::new));
        return new Result(code, out.toString(), err.toString());
    }

    /** An exit code and what was printed. */
    record Result(int exit, String out, String err) {
        String all() {
            return out + err;
        }

        @Override
        public String toString() {
            return "exit " + exit + "\n--- out\n" + out + "--- err\n" + err;
        }
    }
}
