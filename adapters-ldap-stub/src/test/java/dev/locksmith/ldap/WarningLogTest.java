package dev.locksmith.ldap;

import static dev.locksmith.ldap.Fixtures.entries;
import static dev.locksmith.ldap.Fixtures.fixture;
import static dev.locksmith.ldap.Fixtures.oneProvider;
import static dev.locksmith.ldap.Fixtures.replace;
import static dev.locksmith.ldap.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the adapter logs through {@link System.Logger}: with no other backend installed, the JDK routes it to
 * {@code java.util.logging}, which this test listens to.
 */
class WarningLogTest {

    // held in a field: java.util.logging keeps loggers weakly, and a collected logger loses its filter
    private final Logger logger = Logger.getLogger(LdifSecurityProviders.class.getName());
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    @TempDir
    Path directory;

    @BeforeEach
    void listen() {
        // a logger's filter sees every record its level lets through, before any handler
        logger.setFilter(record -> {
            records.add(record);
            return false; // captured, and kept off the console
        });
    }

    @AfterEach
    void stopListening() {
        logger.setFilter(null);
    }

    private List<String> warnings() {
        return records.stream()
                .filter(r -> r.getLevel() == Level.WARNING)
                .map(r -> new java.util.logging.SimpleFormatter().formatMessage(r))
                .toList();
    }

    @Test
    void an_ignored_change_record_is_logged_as_a_warning_naming_file_and_line() {
        Path file = fixture("changes.ldif");

        oneProvider(file);

        assertThat(warnings())
                .contains(file + ":15: change record (changetype: modify) ignored: only content "
                        + "entries and \"changetype: add\" records name users")
                .hasSize(4);
    }

    @Test
    void a_skipped_username_is_logged_as_a_warning_naming_file_line_and_reason() {
        Path file = fixture("invalid-usernames.ldif");

        oneProvider(file);

        assertThat(warnings())
                .containsExactlyInAnyOrder(
                        file + ":2: value of uid is not a valid username (must not contain whitespace); skipped",
                        file + ":6: value of uid is not valid UTF-8; skipped",
                        file + ":9: value of uid is not a valid username (contains control characters); skipped");
    }

    @Test
    void a_load_is_logged_with_the_counts_per_provider() {
        oneProvider(fixture("crlf.ldif"));

        assertThat(records).anySatisfy(r -> {
            assertThat(r.getLevel()).isEqualTo(Level.INFO);
            assertThat(r.getMessage()).isEqualTo("security providers loaded, generation 1; directory: 3 usernames");
        });
    }

    @Test
    void the_poll_logs_a_broken_file_once_and_keeps_the_old_data() {
        Path file = directory.resolve("users.ldif");
        write(file, entries("alice"));
        LdifSecurityProviders providers = oneProvider(file);
        replace(file, entries("bob") + "broken\n");

        providers.poll();
        providers.poll();
        providers.poll();

        assertThat(warnings())
                .containsExactly("reload of LDIF data failed, keeping the previous data: " + file
                        + ":6: line has no ':' (expected \"attribute: value\")");
        assertThat(Fixtures.claimant(providers, "alice")).contains("directory");
    }
}
