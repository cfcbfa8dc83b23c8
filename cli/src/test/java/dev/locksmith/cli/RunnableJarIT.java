package dev.locksmith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar ({@code target/locksmith.jar}) as a user runs it, in a child JVM: commands at the production
 * Argon2 parameters, and exit codes and standard input through a real process. Proves the jar holds every
 * adapter with its service files (H2 and PostgreSQL drivers, Flyway's plugins) and no broken signature, and
 * that it is the production jar: no demo, no in-process mail server (both are the demo module's).
 */
class RunnableJarIT {
    private static final Path JAR = Path.of(System.getProperty("locksmith.jar", "target/locksmith.jar"));

    @TempDir
    Path dir;

    private Cli.Result java(String stdin, String... args) throws IOException, InterruptedException {
        return ChildCli.jar(JAR, dir, stdin, args);
    }

    @Test
    void the_jar_holds_the_command_line_and_neither_the_demo_nor_its_mail_server() throws IOException {
        List<String> entries;
        try (JarFile jar = new JarFile(JAR.toFile())) {
            entries = jar.stream().map(JarEntry::getName).toList();
        }

        assertThat(entries).contains("dev/locksmith/cli/LocksmithCommand.class", "org/h2/Driver.class");
        assertThat(entries)
                .noneMatch(e -> e.startsWith("com/icegreen/"))
                .noneMatch(e -> e.startsWith("dev/locksmith/cli/Demo"));
    }

    @Test
    void help_lists_no_demo_and_says_where_it_is() throws Exception {
        Cli.Result help = java("", "--help");
        Cli.Result demo = java("", "demo");

        assertThat(help.exit()).as(help.err()).isZero();
        assertThat(help.out())
                .containsPattern("(?m)^  search ")
                .doesNotContainPattern("(?m)^  demo ")
                .contains("java -jar locksmith-demo.jar demo");
        assertThat(demo.exit()).isEqualTo(ExitCode.USAGE.code());
        assertThat(demo.err())
                .contains("'demo' is the demo module's command: java -jar locksmith-demo.jar demo")
                .contains("Try 'locksmith --help'.");
    }

    @Test
    void exit_codes_and_standard_input_cross_the_process_boundary() throws Exception {
        Cli.Result init = java(
                "amber lighthouse keeps watch\n", "--data", "data", "init", "--admin", "admin", "--password-stdin");
        assertThat(init.exit()).as(init.err()).isZero();
        assertThat(init.out()).isEqualTo("Created administrator admin." + System.lineSeparator());

        assertThat(java("amber lighthouse keeps watch\n", "--data", "data", "login", "admin", "--password-stdin")
                        .exit())
                .isZero();
        Cli.Result wrong = java("not it\n", "--data", "data", "login", "admin", "--password-stdin");
        assertThat(wrong.exit()).isEqualTo(ExitCode.LOGIN_FAILED.code());
        Cli.Result denied = java("", "--data", "data", "search", "--as", "nobody");
        assertThat(denied.exit()).isEqualTo(ExitCode.DENIED.code());
        assertThat(denied.err()).contains("[DENIED_ACTOR_UNKNOWN]").doesNotContain("\tat ");
        assertThat(java("", "--data", "data", "search", "--as").exit()).isEqualTo(ExitCode.USAGE.code());
    }

    @Test
    void the_postgresql_driver_is_in_the_jar() throws Exception {
        Cli.Result refused =
                java("", "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/locksmith", "search", "--as", "admin");

        assertThat(refused.exit()).as(refused.err()).isEqualTo(ExitCode.UNAVAILABLE.code());
        assertThat(refused.err())
                .contains("[UNAVAILABLE]")
                .doesNotContain("No suitable driver")
                .doesNotContain("\tat ");
    }
}
