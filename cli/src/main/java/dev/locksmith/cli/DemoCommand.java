package dev.locksmith.cli;

import dev.locksmith.core.domain.UnavailableException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.Callable;

/** {@code locksmith demo}: the whole product's story on a fresh database and an in-process mail server. */
@Command(name = "demo", description = "Play the product's story on a fresh temporary H2 database, an in-process "
        + "SMTP server and a directory provider, printing each step. Ignores the global store, mail and provider "
        + "options.")
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--keep", description = "Keep the demo's folder (database and directory file) and print where it "
            + "is, to explore it with the other commands afterwards.")
    boolean keep;

    @Override
    public Integer call() throws IOException {
        LocksmithCommand root = (LocksmithCommand) spec.root().userObject();
        root.configureLogging();
        Path folder = Files.createTempDirectory("locksmith-demo-");
        try {
            new Demo(spec.commandLine().getOut(), root.environment().adapters(), folder).run();
        } finally {
            if (keep) {
                spec.commandLine().getOut().println();
                spec.commandLine().getOut().println("Kept the demo's folder: " + folder);
                spec.commandLine().getOut().flush();
            } else {
                delete(folder);
            }
        }
        return ExitCode.OK;
    }

    /** Deletes the folder and everything in it. */
    static void delete(Path folder) {
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UnavailableException("could not delete the demo's folder " + folder, e);
        }
    }
}
