package dev.locksmith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Command line" block, parsed out of README.md and run line by line, in order, as written, on a
 * fresh store in an empty folder holding the repository's {@code cli/examples}: every command must succeed.
 * A line is a {@code locksmith} command (the production jar's alias) or one of the demo jar's ({@value #DEMO_JAR});
 * it lives here, in the demo module, because only here are both on the class path. Passwords are typed at a
 * scripted terminal; the mail lines reach a GreenMail server on the port the example mail settings name.
 */
class CommandLineReadmeTest {
    private static final Path README = Path.of("..", "README.md");
    /** How the block runs the demo module's jar. */
    static final String DEMO_JAR = "java -jar demo/target/locksmith-demo.jar";

    private static final Map<String, String> PASSWORDS = Map.of(
            "admin",
            "amber lighthouse keeps watch",
            "rep",
            "quiet harbor at dawn",
            "alice",
            "forgotten long ago",
            "bob",
            "granite river slowly bends");
    private static final String BOBS_OWN = "violet lanterns drift east";

    @TempDir
    Path folder;

    /** The lines of the indented block that starts with the alias, in the section "## Command line". */
    static List<String> block() throws IOException {
        String readme = Files.readString(README);
        String section = readme.substring(readme.indexOf("\n## Command line"));
        section = section.substring(0, section.indexOf("\n## ", 1));
        List<String> lines = section.lines().toList();
        int start = lines.indexOf(lines.stream()
                .filter(l ->
                        l.startsWith("    alias locksmith='java ") && l.endsWith(" -jar cli/target/locksmith.jar'"))
                .findFirst()
                .orElse("(none)"));
        assertThat(start).as("the block's alias line").isNotNegative();
        List<String> block = new ArrayList<>();
        for (String line : lines.subList(start, lines.size())) {
            if (!line.isBlank() && !line.startsWith("    ")) {
                break;
            }
            block.add(line.strip());
        }
        return block;
    }

    /** The words of a shell command line: split at blanks, double quotes kept together, a trailing # comment dropped. */
    static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        boolean inWord = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
                inWord = true;
            } else if (!quoted && c == '#' && !inWord) {
                break;
            } else if (!quoted && Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    /** A terminal that types each user's password where the commands ask for it. */
    private static final class Typist implements Terminal {
        final Map<String, String> passwords = new HashMap<>(PASSWORDS);
        final List<String> prompts = new ArrayList<>();
        String last;

        @Override
        public char[] readPassword(String prompt) {
            prompts.add(prompt);
            if (!prompt.equals("Repeat it: ")) {
                last = answer(prompt);
            }
            return last.toCharArray();
        }

        private String answer(String prompt) {
            if (prompt.equals("New password: ")) {
                return BOBS_OWN;
            }
            for (String user : passwords.keySet()) {
                if (prompt.endsWith(" " + user + ": ")) {
                    return passwords.get(user);
                }
            }
            throw new AssertionError("the block asks for what the test cannot type: " + prompt);
        }
    }

    @Test
    void the_command_line_block_runs_in_order_as_written_on_a_fresh_store() throws Exception {
        copy(Path.of("..", "cli", "examples"), folder.resolve("cli").resolve("examples"));
        List<String> block = block();
        assertThat(block.get(0)).startsWith("alias locksmith=");
        Typist typist = new Typist();
        GreenMail smtp = new GreenMail(new ServerSetup(2525, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        Map<String, Cli.Result> results = new HashMap<>();
        List<String> subjects = new ArrayList<>();
        try {
            for (String line : block.subList(1, block.size())) {
                if (line.isEmpty()) {
                    continue;
                }
                List<String> args = arguments(line);
                // The demo jar's lines run its command line (demo included); the others, the production one.
                Cli cli = Cli.bare().in(folder).terminal(typist);
                if (line.startsWith(DEMO_JAR + " ")) {
                    cli.commands(DemoMain.COMMANDS);
                }
                Cli.Result result = cli.run(args.toArray(String[]::new));
                assertThat(result.exit()).as(line + "\n" + result).isZero();
                ExitCodesTest.noStackTrace(result);
                results.put(String.join(" ", args), result);
            }
            for (var message : smtp.getReceivedMessages()) {
                subjects.add(message.getSubject());
            }
        } finally {
            smtp.stop();
        }

        assertThat(subjects).hasSize(2).contains("Your new password");
        assertThat(find(results, "login bob").out()).startsWith("AUTHENTICATED");
        assertThat(find(results, "search --as admin --json").out()).startsWith("{\"view\":\"FULL\"");
        assertThat(block).anyMatch(l -> l.startsWith(DEMO_JAR + " --data demo-store demo "));
        assertThat(find(results, "--data demo-store search --as rep").out())
                .contains("Limited view (allowed to set passwords), 5 user(s):");
        assertThat(folder.resolve("locksmith-data").resolve(Wiring.H2_FILE + ".mv.db"))
                .isRegularFile();
        assertThat(typist.prompts).contains("Password of admin: ", "Current password of bob: ");
    }

    /** The arguments of a line of the block: the words after {@code locksmith} or after the demo jar's command. */
    static List<String> arguments(String line) {
        List<String> words = words(line);
        if (line.startsWith(DEMO_JAR + " ")) {
            return words.subList(words(DEMO_JAR).size(), words.size());
        }
        assertThat(words.get(0)).as(line).isEqualTo("locksmith");
        return words.subList(1, words.size());
    }

    private static Cli.Result find(Map<String, Cli.Result> results, String command) {
        return results.entrySet().stream()
                .filter(e -> e.getKey().startsWith(command))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElseThrow(() -> new AssertionError("the block has no " + command));
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.copy(file, to.resolve(file.getFileName().toString()));
            }
        }
    }

    @Test
    void words_split_like_a_shell_and_name_the_jar() {
        assertThat(words("locksmith user edit --as admin bob --name \"Robert Stone\" --disable   # a comment"))
                .containsExactly(
                        "locksmith", "user", "edit", "--as", "admin", "bob", "--name", "Robert Stone", "--disable");
        assertThat(arguments(DEMO_JAR + " --data demo-store demo  # the story"))
                .containsExactly("--data", "demo-store", "demo");
        assertThat(arguments("locksmith search --as rep")).containsExactly("search", "--as", "rep");
    }
}
