package dev.locksmith.cli;

import dev.locksmith.core.domain.InvalidInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code locksmith demo}: the whole product's story on a fresh database and an in-process mail server. A
 * command of the demo module's jar ({@link DemoMain}), never of the production one; in the command line's
 * package, whose package-private wiring and text the story uses.
 */
@Command(
        name = "demo",
        description = "Play the product's story on a fresh H2 store, an in-process SMTP server and "
                + "a directory provider, printing each step. The store is a temporary folder, deleted afterwards unless "
                + "--keep; or the folder named by the global --data option (which must hold no store yet), then kept. "
                + "Ignores the global database, mail and LDIF provider settings; live directories given with --ldap are "
                + "wired in beside the demo's own provider.")
final class DemoCommand implements java.util.concurrent.Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--keep",
            description = "Keep the demo's store and directory file, and print the options and "
                    + "passwords to explore them with the other commands afterwards.")
    boolean keep;

    @Override
    public Integer call() throws IOException {
        LocksmithCommand root = (LocksmithCommand) spec.root().userObject();
        root.configureLogging();
        Path named =
                root.data == null ? null : root.environment().workingDirectory().resolve(root.data);
        if (named != null && Files.exists(named.resolve(Wiring.H2_FILE + ".mv.db"))) {
            throw new InvalidInputException(
                    "--data", "the demo needs a folder without a store, and " + named.toAbsolutePath() + " holds one");
        }
        boolean kept = keep || named != null;
        Path folder = named != null ? named : Files.createTempDirectory("locksmith-demo-");
        PrintWriter out = spec.commandLine().getOut();
        boolean played = false;
        try {
            new Demo(
                            out,
                            root.environment().adapters(),
                            folder,
                            LdapProviderConfig.load(root.ldapProviders, root.environment()::variable))
                    .run();
            played = true;
        } finally {
            if (kept) {
                if (played) {
                    explore(out, folder.toAbsolutePath());
                }
                out.flush();
            } else {
                Wiring.deleteFolder(folder);
            }
        }
        return ExitCode.OK.code();
    }

    /** How to go on with the kept store: the options naming it, and the passwords the story left. */
    private static void explore(PrintWriter out, Path folder) {
        out.println();
        out.println("Kept the demo's store. Explore it with the other commands, giving these options first:");
        out.println("    --data " + folder);
        out.println("    --provider " + Demo.providerOption(folder));
        out.println("for example: locksmith --data " + folder + " search --as rep");
        out.println("The users' passwords at the end of the story:");
        Demo.passwords().forEach(p -> out.println("    " + p));
    }
}
