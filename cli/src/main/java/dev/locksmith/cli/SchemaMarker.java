package dev.locksmith.cli;

import dev.locksmith.jdbc.JdbiStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Remembers, beside an embedded store, that this build's migrations were applied to that very database
 * file, so that the next command can skip Flyway (a third of a command's start-up). The marker holds the
 * identity of the code that carries the migrations (the jar's path, size and time, or the migration files
 * when run from classes) and the database file's identity (its file key): a new build, or a database file
 * restored or replaced, no longer matches, and the migrations run again. Stateless; thread-safe.
 */
final class SchemaMarker {
    private static final System.Logger LOG = System.getLogger(SchemaMarker.class.getName());
    static final String FILE = "locksmith.schema";

    private SchemaMarker() {}

    /** Whether the store's database was migrated by this build. */
    static boolean current(Wiring.Store.Embedded store) {
        Optional<String> expected = fingerprint(store);
        try {
            Path marker = store.folder().resolve(FILE);
            return expected.isPresent()
                    && Files.isRegularFile(marker)
                    && Files.readString(marker, StandardCharsets.UTF_8).equals(expected.get());
        } catch (IOException e) {
            return false;
        }
    }

    /** Records that this build's migrations were applied; a failure only costs a migration check next time. */
    static void record(Wiring.Store.Embedded store) {
        fingerprint(store).ifPresent(text -> {
            try {
                Path marker = store.folder().resolve(FILE);
                Files.writeString(marker, text, StandardCharsets.UTF_8);
                Wiring.makePrivate(marker);
            } catch (IOException e) {
                LOG.log(
                        System.Logger.Level.DEBUG,
                        "could not write the schema marker: {0}",
                        e.getClass().getName());
            }
        });
    }

    private static Optional<String> fingerprint(Wiring.Store.Embedded store) {
        try {
            Path code = Path.of(JdbiStore.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            StringBuilder text = new StringBuilder("migrations ");
            if (Files.isDirectory(code)) {
                try (Stream<Path> files = Files.list(code.resolve("db").resolve("locksmith"))) {
                    for (Path file : (Iterable<Path>) files.sorted()::iterator) {
                        text.append(describe(file)).append(' ');
                    }
                }
            } else {
                text.append(describe(code));
            }
            Object key = Files.readAttributes(store.file(), BasicFileAttributes.class)
                    .fileKey();
            if (key == null) {
                return Optional.empty(); // no stable identity on this file system: always check
            }
            return Optional.of(
                    text.append("\ndatabase ").append(key).append('\n').toString());
        } catch (IOException | java.net.URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String describe(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        return file.toAbsolutePath() + ":" + attributes.size() + ":"
                + attributes.lastModifiedTime().toMillis();
    }
}
