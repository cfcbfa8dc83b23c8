package dev.locksmith.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.UnavailableException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The builders validate everything in {@code build()} and refuse with typed errors. */
class BuilderValidationTest {

    private static final LdifProvider ANY =
            LdifProvider.builder("ldap", ProviderKind.LDAP).username("alice").build();

    private static void refused(Runnable build, String field) {
        assertThatThrownBy(build::run)
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    /** Asserts that an LDAP provider named "ldap", set up by {@code setup}, is refused naming {@code field}. */
    private static void refusedProvider(UnaryOperator<LdifProvider.Builder> setup, String field) {
        refused(
                () -> setup.apply(LdifProvider.builder("ldap", ProviderKind.LDAP))
                        .build(),
                field);
    }

    /** Asserts that providers polling at {@code interval} are refused. */
    private static void refusedPollInterval(Duration interval) {
        refused(
                () -> LdifSecurityProviders.builder()
                        .provider(ANY)
                        .pollEvery(interval)
                        .build(),
                "pollInterval");
    }

    @Test
    void refuses_a_provider_without_name_or_kind() {
        refused(
                () -> LdifProvider.builder(null, ProviderKind.LDAP)
                        .username("a")
                        .build(),
                "provider");
        refused(() -> LdifProvider.builder(" ", ProviderKind.LDAP).username("a").build(), "provider");
        refused(
                () -> LdifProvider.builder("bad\nname", ProviderKind.LDAP)
                        .username("a")
                        .build(),
                "provider");
        refused(() -> LdifProvider.builder("ldap", null).username("a").build(), "kind");
    }

    @Test
    void refuses_a_provider_with_nothing_to_claim_by() {
        assertThatThrownBy(() -> LdifProvider.builder("ldap", ProviderKind.LDAP).build())
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("provider");
                    assertThat(e).hasMessageContaining("claims nothing");
                });
    }

    @Test
    void accepts_an_explicitly_empty_directory_copy() {
        LdifProvider provider = LdifProvider.builder("ldap", ProviderKind.LDAP)
                .usernames(List.of())
                .build();

        assertThat(provider.usernames()).isEmpty();
    }

    @Test
    void refuses_a_given_username_that_is_not_a_valid_username() {
        refusedProvider(b -> b.username("John Smith"), "usernames");
        refusedProvider(b -> b.usernames(Arrays.asList("a", null)), "usernames");
    }

    @Test
    void keeps_given_usernames_in_canonical_form() {
        LdifProvider provider = LdifProvider.builder("ldap", ProviderKind.LDAP)
                .usernames(List.of("Alice", "ALICE", " Bob ", "ＣＡＲＯＬ"))
                .build();

        assertThat(provider.usernames()).containsExactly("alice", "bob", "carol");
    }

    @Test
    void refuses_invalid_username_attributes() {
        refusedProvider(b -> b.ldif(Path.of("x.ldif")).usernameAttributes("uid;lang-en"), "usernameAttributes");
        refusedProvider(b -> b.ldif(Path.of("x.ldif")).usernameAttributes("user name"), "usernameAttributes");
        refusedProvider(b -> b.ldif(Path.of("x.ldif")).usernameAttributes(), "usernameAttributes");
    }

    @Test
    void reads_username_attributes_by_name_alias_and_oid() {
        LdifProvider provider = LdifProvider.builder("ldap", ProviderKind.LDAP)
                .ldif(Path.of("x.ldif"))
                .usernameAttributes("UID", "employeeNumber")
                .build();

        assertThat(provider.usernameAttributes()).containsExactly("uid", "employeenumber");
        assertThat(provider.attributeTypesToRead())
                .containsExactlyInAnyOrder("uid", "userid", "0.9.2342.19200300.100.1.1", "employeenumber");
    }

    @Test
    void refuses_no_providers_and_duplicate_names() {
        refused(() -> LdifSecurityProviders.builder().build(), "providers");
        refused(
                () -> LdifSecurityProviders.builder()
                        .provider(ANY)
                        .provider(LdifProvider.builder("LDAP", ProviderKind.RADIUS)
                                .username("b")
                                .build())
                        .build(),
                "providers");
        refused(() -> LdifSecurityProviders.builder().provider(null), "provider");
    }

    @Test
    void refuses_a_poll_interval_that_is_too_short() {
        refusedPollInterval(Duration.ofMillis(9));
        refusedPollInterval(Duration.ofSeconds(-1));
        refusedPollInterval(null); // refused by pollEvery itself
    }

    @Test
    void a_missing_ldif_file_makes_build_fail_as_unavailable(@TempDir Path directory) {
        Path missing = directory.resolve("missing.ldif");

        assertThatThrownBy(() -> Fixtures.oneProvider(missing))
                .isInstanceOf(UnavailableException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("NoSuchFileException");
    }

    @Test
    void lists_ldif_files_absolute_and_once() {
        LdifProvider provider = LdifProvider.builder("ldap", ProviderKind.LDAP)
                .ldif(Path.of("a.ldif"))
                .ldif(Path.of("./a.ldif"))
                .ldif(Path.of("b.ldif"))
                .build();

        assertThat(provider.ldifFiles())
                .containsExactly(
                        Path.of("a.ldif").toAbsolutePath(), Path.of("b.ldif").toAbsolutePath());
    }

    @Test
    void a_lookup_of_null_is_refused_as_invalid_input() {
        LdifSecurityProviders providers =
                LdifSecurityProviders.builder().provider(ANY).build();

        refused(() -> providers.claimant(null), "username");
    }
}
