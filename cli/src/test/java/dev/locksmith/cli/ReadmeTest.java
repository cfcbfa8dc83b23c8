package dev.locksmith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The README's command-line section keeps up with the command: the main-job line, every command, every exit code. */
class ReadmeTest {
    private static final String README = read();

    private static String read() {
        try {
            return Files.readString(Path.of("..", "README.md"));
        } catch (java.io.IOException e) {
            throw new AssertionError("README.md not found next to the cli module", e);
        }
    }

    @Test
    void the_main_job_builds_the_demo_jar_and_runs_the_demo_in_one_line() {
        assertThat(README)
                .contains("\n    ./mvnw -B -pl demo -am package -DskipTests"
                        + " && java -jar demo/target/locksmith-demo.jar demo\n");
        assertThat(README).contains("\n    ./mvnw verify\n");
    }

    @Test
    void every_command_has_an_example() {
        CommandLine line = LocksmithCommand.commandLine(new LocksmithCommand(new Environment(
                java.io.InputStream.nullInputStream(), name -> null, java.util.Optional.empty(), Cli.FAST)));
        for (String name : line.getSubcommands().keySet()) {
            if (!name.equals("help") && !name.equals("unlock")) {
                assertThat(README).as(name).containsPattern("locksmith (--\\S+ \\S+ )*" + Pattern.quote(name) + "\\b");
            }
        }
    }

    @Test
    void the_exit_code_table_matches_the_command() {
        Matcher row = Pattern.compile("\\n\\| (\\d+) \\| ").matcher(README);
        java.util.List<Integer> codes = new java.util.ArrayList<>();
        while (row.find()) {
            codes.add(Integer.parseInt(row.group(1)));
        }
        assertThat(codes)
                .containsExactly(
                        ExitCode.OK.code(),
                        ExitCode.INTERNAL.code(),
                        ExitCode.USAGE.code(),
                        ExitCode.DENIED.code(),
                        ExitCode.POLICY.code(),
                        ExitCode.NOT_FOUND.code(),
                        ExitCode.CONFLICT.code(),
                        ExitCode.MAIL.code(),
                        ExitCode.UNAVAILABLE.code(),
                        ExitCode.LOGIN_FAILED.code());
    }
}
