package dev.locksmith.cli;

import dev.locksmith.core.domain.InvalidInputException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the settings files that options name ({@code --config}, {@code --mail-config}): Java properties in
 * UTF-8 that may hold only known keys, so that a typo does not silently leave a setting at its default.
 * Stateless; thread-safe.
 */
final class SettingsFile {
    private SettingsFile() {}

    /**
     * The properties of {@code file}.
     *
     * @param unknownHint added to the message that lists unknown keys ("" for none)
     * @throws InvalidInputException naming {@code option}: the file is missing or unreadable, or holds a key
     *     not in {@code keys}
     */
    static Properties read(Path file, String option, Set<String> keys, String unknownHint) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(option, "no such file: " + file);
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidInputException(
                    option, "cannot read " + file + ": " + e.getClass().getSimpleName());
        }
        Set<String> unknown = new TreeSet<>(p.stringPropertyNames());
        unknown.removeAll(keys);
        if (!unknown.isEmpty()) {
            throw new InvalidInputException(
                    option, file + ": unknown key(s) " + unknown + "; known: " + new TreeSet<>(keys) + unknownHint);
        }
        return p;
    }
}
