package dev.locksmith.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * Base of the tests that each start from a copy of one store, made once per test class by the setup the
 * class gives its constructor: every user costs a password hash, a copy only a file copy. Each test's
 * {@link #cli} runs on its own copy, in its own {@link #dir}; the store copied from is deleted after the
 * class's last test.
 */
abstract class FromTemplateStore {
    /** The data folder of each test class's template store, made on its first test. */
    private static final Map<Class<?>, Path> TEMPLATES = new ConcurrentHashMap<>();

    private final Consumer<Cli> setup;

    @TempDir
    Path dir;

    /** The command line on this test's copy of the template, in {@code dir/data}. */
    Cli cli;

    /** @param setup what the template store holds, made through a command line on its empty data folder */
    FromTemplateStore(Consumer<Cli> setup) {
        this.setup = setup;
    }

    @BeforeEach
    final void copyTemplate() {
        Cli.copy(template(), dir.resolve("data"));
        cli = new Cli(dir.resolve("data"));
    }

    /** The data folder of this class's template store (to be copied, never written). */
    final Path template() {
        return TEMPLATES.computeIfAbsent(getClass(), c -> {
            try {
                Path data = Files.createTempDirectory("locksmith-template-").resolve("data");
                setup.accept(new Cli(data));
                return data;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @AfterAll
    static void deleteTemplate(TestInfo test) {
        Path data = TEMPLATES.remove(test.getTestClass().orElseThrow());
        if (data != null) {
            Wiring.deleteFolder(data.getParent());
        }
    }
}
