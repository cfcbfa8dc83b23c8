package dev.locksmith.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The {@code locksmith} command in a child JVM, working in a test's folder: on the test class path (what two
 * processes do to one embedded store cannot be shown in one JVM, where H2 shares an open database between
 * callers), or from a runnable jar as a user runs it. The child uses the production adapters (a command that
 * hashes pays the OWASP cost).
 */
final class ChildCli implements AutoCloseable {
    private final Process process;
    private final Path out;
    private final Path err;

    private ChildCli(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /** Starts {@code locksmith ARGS}; standard input stays open until {@link #input} closes it. */
    static ChildCli start(Path folder, String... args) throws IOException {
        return start(
                folder, List.of("-cp", System.getProperty("java.class.path"), LocksmithCommand.class.getName()), args);
    }

    /** Runs {@code java -jar JAR ARGS} with {@code stdin} as its standard input, and returns what it did. */
    static Cli.Result jar(Path jar, Path folder, String stdin, String... args)
            throws IOException, InterruptedException {
        try (ChildCli child = start(folder, List.of("-jar", jar.toAbsolutePath().toString()), args)) {
            return child.input(stdin).finish();
        }
    }

    private static ChildCli start(Path folder, List<String> java, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(java);
        command.addAll(List.of(args));
        Path out = Files.createTempFile(folder, "out", ".txt");
        Path err = Files.createTempFile(folder, "err", ".txt");
        Process process = new ProcessBuilder(command)
                .directory(folder.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        return new ChildCli(process, out, err);
    }

    /** Writes {@code text} to the child's standard input and closes it. */
    ChildCli input(String text) throws IOException {
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return this;
    }

    /** Waits for the child (at most two minutes) and returns what it did. */
    Cli.Result finish() throws IOException, InterruptedException {
        process.getOutputStream().close();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the child locksmith did not finish: "
                    + process.info().commandLine().orElse(""));
        }
        return new Cli.Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
