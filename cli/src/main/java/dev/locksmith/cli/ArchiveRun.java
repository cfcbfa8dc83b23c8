package dev.locksmith.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The run the build records the class-data-sharing archive {@code target/locksmith.jsa} from ({@code java
 * -XX:ArchiveClassesAtExit=... -cp target/locksmith.jar dev.locksmith.cli.ArchiveRun}, see the pom): a session's
 * usual commands, each as its own {@link LocksmithCommand}, on a fresh embedded store in a temporary folder that
 * is deleted afterwards. An archive belongs to the jar it was recorded from, so it is the production jar that
 * runs. Not a command of {@code locksmith}; a command that fails fails the build.
 */
public final class ArchiveRun {
    private static final String PASSWORD = "amber lighthouse keeps watch";

    private ArchiveRun() {}

    /** Runs the commands, printing what they print. */
    public static void main(String[] args) throws IOException {
        Path folder = Files.createTempDirectory("locksmith-archive-run-");
        Adapters adapters = ProductionAdapters.create();
        try {
            Path data = folder.resolve("data");
            run(adapters, data, "init", "--admin", "admin", "--password-stdin");
            run(
                    adapters,
                    data,
                    "user",
                    "create",
                    "--as",
                    "admin",
                    "rep",
                    "--permission",
                    "set-passwords",
                    "--password-stdin");
            run(adapters, data, "login", "rep", "--password-stdin");
            run(adapters, data, "search", "--as", "rep");
            run(adapters, data, "form", "--as", "admin", "rep");
            run(adapters, data, "policy", "show", "--as", "admin");
            run(adapters, data, "audit", "--as", "admin");
        } finally {
            Wiring.deleteFolder(folder);
        }
    }

    /** Runs one command on the store in {@code data}, with the password as standard input. */
    private static void run(Adapters adapters, Path data, String... command) {
        List<String> args = new ArrayList<>(List.of("--data", data.toString()));
        args.addAll(List.of(command));
        Environment environment = new Environment(
                new ByteArrayInputStream((PASSWORD + "\n").getBytes(StandardCharsets.UTF_8)),
                name -> null,
                Optional.empty(),
                adapters);
        String[] line = args.toArray(String[]::new);
        int code = LocksmithCommand.commandLine(new LocksmithCommand(environment), line)
                .execute(line);
        if (code != ExitCode.OK.code()) {
            throw new IllegalStateException(
                    "the archive run's command failed with exit " + code + ": " + String.join(" ", args));
        }
    }
}
