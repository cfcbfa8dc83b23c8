package dev.locksmith.ldap;

import static dev.locksmith.ldap.Fixtures.claimant;
import static dev.locksmith.ldap.Fixtures.entries;
import static dev.locksmith.ldap.Fixtures.firstAndSecond;
import static dev.locksmith.ldap.Fixtures.oneProvider;
import static dev.locksmith.ldap.Fixtures.replace;
import static dev.locksmith.ldap.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.locksmith.core.domain.UnavailableException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reloading changed LDIF files without a restart: explicit, on change, and by the poll thread. */
class ReloadTest {

    @TempDir
    Path directory;

    /** Provider "first" (LDAP) reading {@code first} with alice, provider "second" (RADIUS) reading {@code second} with bob. */
    private static LdifSecurityProviders aliceInFirstBobInSecond(Path first, Path second) {
        write(first, entries("alice"));
        write(second, entries("bob"));
        return firstAndSecond(first, second, ProviderKind.RADIUS);
    }

    /**
     * One provider over a file read while it held alice and then rewritten to carol (the same size), its
     * modification time {@code stamp} both at the read and after the rewrite.
     */
    private LdifSecurityProviders aliceRewrittenToCarolKeeping(FileTime stamp) throws IOException {
        Path file = file(entries("alice"));
        Files.setLastModifiedTime(file, stamp);
        LdifSecurityProviders providers = oneProvider(file);
        write(file, entries("carol"));
        Files.setLastModifiedTime(file, stamp);
        return providers;
    }

    private Path file(String content) {
        Path file = directory.resolve("users.ldif");
        write(file, content);
        return file;
    }

    @Test
    void reload_swaps_in_the_new_content_of_the_file() {
        Path file = file(entries("alice"));
        LdifSecurityProviders providers = oneProvider(file);
        replace(file, entries("bob"));

        assertThat(claimant(providers, "alice")).as("before the reload").contains("directory");
        providers.reload();

        assertThat(claimant(providers, "alice")).isEmpty();
        assertThat(claimant(providers, "bob")).contains("directory");
        assertThat(providers.snapshot().generation()).isEqualTo(2);
    }

    @Test
    void reload_keeps_the_previous_data_when_the_file_is_now_malformed() {
        Path file = file(entries("alice"));
        LdifSecurityProviders providers = oneProvider(file);
        replace(file, entries("bob") + "description: a folded\n  value\nno colon here\n");

        LdifFormatException error = catchThrowableOfType(LdifFormatException.class, providers::reload);

        assertThat(error.file()).isEqualTo(file.toString());
        assertThat(error.line()).isEqualTo(8);
        assertThat(claimant(providers, "alice")).contains("directory");
        assertThat(claimant(providers, "bob")).isEmpty();
        assertThat(providers.snapshot().generation()).isEqualTo(1);

        replace(file, entries("bob"));
        providers.reload();
        assertThat(claimant(providers, "bob")).contains("directory");
    }

    @Test
    void reload_keeps_the_previous_data_when_the_file_is_gone() throws Exception {
        Path file = file(entries("alice"));
        LdifSecurityProviders providers = oneProvider(file);
        Files.delete(file);

        assertThatThrownBy(providers::reload)
                .isInstanceOf(UnavailableException.class)
                .hasMessageContaining(file.toString());
        assertThatThrownBy(providers::reloadIfChanged).isInstanceOf(UnavailableException.class);
        assertThat(claimant(providers, "alice")).contains("directory");
    }

    @Test
    void a_failed_reload_keeps_the_old_data_of_every_file_even_those_that_read_well() {
        Path first = directory.resolve("first.ldif");
        Path second = directory.resolve("second.ldif");
        LdifSecurityProviders providers = aliceInFirstBobInSecond(first, second);
        replace(first, entries("carol"));
        replace(second, "dn: uid=dave\nuid:: ***\n");

        assertThatThrownBy(providers::reload).isInstanceOf(LdifFormatException.class);

        assertThat(claimant(providers, "alice")).contains("first");
        assertThat(claimant(providers, "carol")).isEmpty();
        assertThat(claimant(providers, "bob")).contains("second");
    }

    @Test
    void a_change_read_in_a_load_that_another_file_failed_is_loaded_once_that_file_is_back() throws Exception {
        Path first = directory.resolve("first.ldif");
        Path second = directory.resolve("second.ldif");
        LdifSecurityProviders providers = aliceInFirstBobInSecond(first, second);
        replace(first, entries("alice", "carol"));
        Path aside = directory.resolve("second.ldif.aside");
        Files.move(second, aside);

        assertThatThrownBy(providers::reloadIfChanged).isInstanceOf(UnavailableException.class);
        assertThat(claimant(providers, "carol")).isEmpty();
        Files.move(aside, second);

        assertThat(providers.reloadIfChanged()).isTrue();
        assertThat(claimant(providers, "carol")).contains("first");
        assertThat(claimant(providers, "bob")).contains("second");
    }

    @Test
    void a_directory_name_claims_every_case_variant_of_itself() {
        java.util.Base64.Encoder base64 = java.util.Base64.getEncoder();
        String ldif =
                "dn: uid=one\nuid:: " + base64.encodeToString("ΑΣ1".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        + "\n\ndn: uid=two\nuid:: "
                        + base64.encodeToString("kım".getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "\n";
        LdifSecurityProviders providers = oneProvider(file(ldif));

        for (String variant : List.of("ΑΣ1", "Ασ1", "ας1", "ασ1", "kım", "KIM", "kim", "K\u0130M")) {
            assertThat(claimant(providers, variant)).as(variant).contains("directory");
        }
    }

    @Test
    void reload_if_changed_does_nothing_for_an_untouched_file() {
        LdifSecurityProviders providers = oneProvider(file(entries("alice")));

        assertThat(providers.reloadIfChanged()).isFalse();
        assertThat(providers.snapshot().generation()).isEqualTo(1);
    }

    @Test
    void reload_if_changed_swaps_in_a_changed_file() {
        Path file = file(entries("alice"));
        LdifSecurityProviders providers = oneProvider(file);
        replace(file, entries("alice", "bob"));

        assertThat(providers.reloadIfChanged()).isTrue();
        assertThat(claimant(providers, "bob")).contains("directory");
        assertThat(providers.reloadIfChanged()).isFalse();
    }

    @Test
    void rewriting_the_same_content_is_not_a_change() {
        Path file = file(entries("alice"));
        LdifSecurityProviders providers = oneProvider(file);
        replace(file, entries("alice"));

        assertThat(providers.reloadIfChanged()).isFalse();
        assertThat(providers.snapshot().generation()).isEqualTo(1);
    }

    @Test
    void a_same_size_rewrite_within_the_timestamp_granularity_is_caught_by_the_hash() throws Exception {
        // A modification time that is not older than the read cannot be trusted to change on the next write.
        LdifSecurityProviders providers =
                aliceRewrittenToCarolKeeping(FileTime.from(Instant.now().plus(Duration.ofHours(1))));

        assertThat(providers.reloadIfChanged()).isTrue();
        assertThat(claimant(providers, "carol")).contains("directory");
    }

    @Test
    void the_check_trusts_an_old_unchanged_time_and_size_while_reload_reads_anyway() throws Exception {
        LdifSecurityProviders providers =
                aliceRewrittenToCarolKeeping(FileTime.from(Instant.now().minus(Duration.ofHours(1))));

        assertThat(providers.reloadIfChanged()).isFalse();
        assertThat(claimant(providers, "alice")).contains("directory");
        providers.reload();
        assertThat(claimant(providers, "carol")).contains("directory");
    }

    @Test
    void reload_if_changed_reports_a_broken_file_once_then_waits_for_the_next_change() {
        Path file = file(entries("alice"));
        LdifSecurityProviders providers = oneProvider(file);
        replace(file, "uid: alice\n");

        assertThatThrownBy(providers::reloadIfChanged).isInstanceOf(LdifFormatException.class);
        assertThat(providers.reloadIfChanged()).isFalse();
        assertThat(claimant(providers, "alice")).contains("directory");

        replace(file, entries("bob"));
        assertThat(providers.reloadIfChanged()).isTrue();
        assertThat(claimant(providers, "bob")).contains("directory");
    }

    @Test
    void the_poll_thread_picks_up_changes_and_stops_on_close() throws Exception {
        Path file = file(entries("alice"));
        LdifSecurityProviders providers = LdifSecurityProviders.builder()
                .provider(LdifProvider.builder("directory", ProviderKind.LDAP)
                        .ldif(file)
                        .build())
                .pollEvery(Duration.ofMillis(10))
                .build();
        Thread poller;
        try {
            replace(file, entries("bob"));
            awaitTrue(() -> claimant(providers, "bob").isPresent());
            assertThat(claimant(providers, "alice")).isEmpty();

            replace(file, "garbage\n");
            replace(file, entries("carol"));
            awaitTrue(() -> claimant(providers, "carol").isPresent());

            poller = pollThread();
            assertThat(poller.isDaemon()).isTrue();
        } finally {
            providers.close();
        }
        assertThat(providers.polling()).isFalse();
        providers.close(); // idempotent
        assertThat(claimant(providers, "carol")).as("lookups work after close").contains("directory");
        poller.join(Duration.ofSeconds(10).toMillis());
        assertThat(poller.isAlive()).isFalse();
    }

    @Test
    void without_a_poll_interval_no_thread_is_started() {
        LdifSecurityProviders providers = oneProvider(file(entries("alice")));

        assertThat(providers.polling()).isFalse();
        providers.close();
    }

    private static Thread pollThread() {
        List<Thread> threads = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("locksmith-ldif-reload-") && t.isAlive())
                .toList();
        assertThat(threads).hasSize(1);
        return threads.get(0);
    }

    /** Waits for the poll thread's work; the deadline is a hang guard, not a speed assertion. */
    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met within 30 s").isLessThan(deadline);
            Thread.sleep(5);
        }
    }
}
