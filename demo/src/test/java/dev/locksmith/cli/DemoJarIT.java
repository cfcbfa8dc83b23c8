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
 * The demo module's runnable jar ({@code target/locksmith-demo.jar}) as a user runs it, in a child JVM: it offers
 * every command of the production jar and {@code demo}, which plays the story at the production Argon2 parameters
 * on GreenMail inside the jar; the production jar ({@code cli/target/locksmith.jar}) then works on the store the
 * demo kept.
 */
class DemoJarIT {
    private static final Path DEMO_JAR = Path.of(System.getProperty("locksmith-demo.jar", "target/locksmith-demo.jar"));
    private static final Path PRODUCTION_JAR =
            Path.of(System.getProperty("locksmith.jar", "../cli/target/locksmith.jar"));

    @TempDir
    Path dir;

    @Test
    void the_jar_holds_the_command_line_the_demo_and_its_mail_server() throws IOException {
        List<String> entries;
        try (JarFile jar = new JarFile(DEMO_JAR.toFile())) {
            entries = jar.stream().map(JarEntry::getName).toList();
        }

        assertThat(entries)
                .contains(
                        "dev/locksmith/cli/LocksmithCommand.class",
                        "dev/locksmith/cli/DemoMain.class",
                        "dev/locksmith/cli/DemoCommand.class",
                        "com/icegreen/greenmail/util/GreenMail.class");
    }

    @Test
    void help_lists_demo_among_the_commands() throws Exception {
        Cli.Result help = ChildCli.jar(DEMO_JAR, dir, "", "--help");

        assertThat(help.exit()).as(help.err()).isZero();
        assertThat(help.out()).containsPattern("(?m)^  search ").containsPattern("(?m)^  demo ");
    }

    @Test
    void the_demo_runs_from_the_jar() throws Exception {
        Cli.Result demo = ChildCli.jar(DEMO_JAR, dir, "", "demo");

        assertThat(demo.exit()).as(demo.err()).isZero();
        assertThat(demo.out())
                .contains(
                        "Limited view (allowed to set passwords), 5 user(s):",
                        "| Subject: Your new password",
                        "[DENIED_TARGET_MANAGED_BY_PROVIDER]",
                        "-> AUTHENTICATED: alice is logged in",
                        "The end.")
                .doesNotContain("Kept the demo's store");
        assertThat(demo.err()).isEmpty();
    }

    @Test
    void the_production_jar_works_on_the_store_the_demo_kept() throws Exception {
        Cli.Result demo = ChildCli.jar(DEMO_JAR, dir, "", "--data", "demo-store", "demo");
        Cli.Result search = ChildCli.jar(PRODUCTION_JAR, dir, "", "--data", "demo-store", "search", "--as", "rep");
        Cli.Result login = ChildCli.jar(
                PRODUCTION_JAR,
                dir,
                "quiet harbor at dawn\n",
                "--data",
                "demo-store",
                "login",
                "rep",
                "--password-stdin");

        assertThat(demo.exit()).as(demo.err()).isZero();
        assertThat(demo.out()).contains("Kept the demo's store", "    --data " + dir.resolve("demo-store"));
        assertThat(search.exit()).as(search.err()).isZero();
        assertThat(search.out()).contains("Limited view (allowed to set passwords), 5 user(s):");
        assertThat(login.out()).startsWith("AUTHENTICATED");
    }
}
