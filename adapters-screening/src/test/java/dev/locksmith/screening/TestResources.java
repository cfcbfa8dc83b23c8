package dev.locksmith.screening;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The tests' data files, read as lines independently of the code under test. */
final class TestResources {
    private TestResources() {}

    /** The lines of a UTF-8 resource, found as {@code anchor.getResourceAsStream(name)} finds it. */
    static List<String> lines(Class<?> anchor, String name) throws IOException {
        try (InputStream in = anchor.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    /**
     * The rows of the zxcvbn reference set ({@code zxcvbn-reference.tsv}: category, reference score, note,
     * password, user inputs), comment lines left out, each split at its tabs.
     */
    static List<String[]> zxcvbnReferenceRows() throws IOException {
        return lines(TestResources.class, "zxcvbn-reference.tsv").stream()
                .filter(line -> !line.startsWith("#"))
                .map(line -> line.split("\t", -1))
                .toList();
    }
}
