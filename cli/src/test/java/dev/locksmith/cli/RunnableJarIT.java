package dev.locksmith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar ({@code target/locksmith.jar}) as a user runs it, in a child JVM: the demo at the production
 * Argon2 parameters, and exit codes and standard input through a real process. Proves the jar holds every
 * adapter with its service files (H2 and PostgreSQL drivers, Flyway's plugins) and no broken signature.
 */
class RunnableJarIT {
    private static final Path JAR = Path.of(System.getProperty("locksmith.jar", "target/locksmith.jar"));

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {}

    private Run java(String stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(
                List.of(ProcessHandle.current().info().command().orElse("java"), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile())
                .start();
        process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("locksmith.jar did not finish: " + command);
        }
        return new Run(
                process.exitValue(),
                Files.readString(dir.resolve("out.txt")),
                Files.readString(dir.resolve("err.txt")));
    }

    @Test
    void the_demo_runs_from_the_jar() throws Exception {
        Run demo = java("", "demo");

        assertThat(demo.exit()).as(demo.err()).isZero();
        assertThat(demo.out())
                .contains(
                        "Limited view (allowed to set passwords), 5 user(s):",
                        "| Subject: Your new password",
                        "[DENIED_TARGET_MANAGED_BY_PROVIDER]",
                        "-> AUTHENTICATED: alice is logged in",
                        "The end.");
        assertThat(demo.err()).isEmpty();
    }

    @Test
    void exit_codes_and_standard_input_cross_the_process_boundary() throws Exception {
        Run init = java(
                "amber lighthouse keeps watch\n", "--data", "data", "init", "--admin", "admin", "--password-stdin");
        assertThat(init.exit()).as(init.err()).isZero();
        assertThat(init.out()).isEqualTo("Created administrator admin." + System.lineSeparator());

        assertThat(java("amber lighthouse keeps watch\n", "--data", "data", "login", "admin", "--password-stdin")
                        .exit())
                .isZero();
        Run wrong = java("not it\n", "--data", "data", "login", "admin", "--password-stdin");
        assertThat(wrong.exit()).isEqualTo(ExitCode.LOGIN_FAILED.code());
        Run denied = java("", "--data", "data", "search", "--as", "nobody");
        assertThat(denied.exit()).isEqualTo(ExitCode.DENIED.code());
        assertThat(denied.err()).contains("[DENIED_ACTOR_UNKNOWN]").doesNotContain("\tat ");
        assertThat(java("", "--data", "data", "search", "--as").exit()).isEqualTo(ExitCode.USAGE.code());
    }

    @Test
    void the_postgresql_driver_is_in_the_jar() throws Exception {
        Run refused = java("", "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/locksmith", "search", "--as", "admin");

        assertThat(refused.exit()).as(refused.err()).isEqualTo(ExitCode.UNAVAILABLE.code());
        assertThat(refused.err())
                .contains("[UNAVAILABLE]")
                .doesNotContain("No suitable driver")
                .doesNotContain("\tat ");
    }
}
