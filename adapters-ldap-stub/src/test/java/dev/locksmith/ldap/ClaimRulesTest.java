package dev.locksmith.ldap;

import static dev.locksmith.ldap.Fixtures.claimant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.locksmith.core.domain.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Rule-based claims, for providers without a directory copy: Kerberos realms, Windows domains, suffixes. */
class ClaimRulesTest {

    private static LdifSecurityProviders only(LdifProvider provider) {
        return LdifSecurityProviders.builder().provider(provider).build();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "alice@CORP.EXAMPLE.COM, true",
        "alice@corp.example.com, true",
        "Alice@Corp.Example.Com, true",
        "host/web01@CORP.EXAMPLE.COM, true",
        "@CORP.EXAMPLE.COM, false",
        "alice@SUB.CORP.EXAMPLE.COM, false",
        "alice@EXAMPLE.COM, false",
        "alice@CORP.EXAMPLE.COM.EVIL, false",
        "a@b@CORP.EXAMPLE.COM, false",
        "aliceCORP.EXAMPLE.COM, false",
        "alice, false"
    })
    void kerberos_realm_claims_principals_of_that_realm_only(String username, boolean claimed) {
        LdifSecurityProviders providers = only(LdifProvider.builder("kdc", ProviderKind.KERBEROS)
                .kerberosRealm("CORP.EXAMPLE.COM")
                .build());

        assertThat(claimant(providers, username).isPresent()).isEqualTo(claimed);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "CORP\\alice, true",
        "corp\\ALICE, true",
        "Corp\\alice.smith, true",
        "CORP\\, false",
        "CORP\\a\\b, false",
        "OTHER\\alice, false",
        "XCORP\\alice, false",
        "CORPalice, false",
        "alice@CORP, false"
    })
    void windows_domain_claims_users_of_that_domain_only(String username, boolean claimed) {
        LdifSecurityProviders providers = only(LdifProvider.builder("ad", ProviderKind.ACTIVE_DIRECTORY)
                .windowsDomain("CORP")
                .build());

        assertThat(claimant(providers, username).isPresent()).isEqualTo(claimed);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "alice@corp.example.com, true",
        "ALICE@CORP.EXAMPLE.COM, true",
        "a.b@dept@corp.example.com, true",
        "@corp.example.com, false",
        "alice@corp.example.co, false",
        "alice@corp.example.com.evil, false",
        "alice, false"
    })
    void suffix_claims_names_that_end_with_it_after_something(String username, boolean claimed) {
        LdifSecurityProviders providers = only(LdifProvider.builder("saml", ProviderKind.SAML)
                .suffix("@Corp.Example.Com")
                .build());

        assertThat(claimant(providers, username).isPresent()).isEqualTo(claimed);
    }

    @Test
    void a_provider_may_combine_rules_and_a_directory_copy() {
        LdifSecurityProviders providers = only(LdifProvider.builder("ad", ProviderKind.ACTIVE_DIRECTORY)
                .usernames(List.of("svc-backup"))
                .windowsDomain("corp")
                .kerberosRealm("CORP.EXAMPLE.COM")
                .suffix("@corp.example.com")
                .build());

        for (String username : List.of("svc-backup", "corp\\bob", "bob@corp.example.com")) {
            assertThat(claimant(providers, username)).as(username).contains("ad");
        }
        assertThat(claimant(providers, "bob")).isEmpty();
    }

    @ParameterizedTest(name = "realm {0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "'' | must not be empty",
                "CORP@EXAMPLE | must not contain '@' or '\\'",
                "CORP EXAMPLE | must not contain whitespace",
                "CORP\\X | must not contain '@' or '\\'"
            })
    void refuses_an_invalid_realm(String realm, String problem) {
        assertThatThrownBy(() -> LdifProvider.builder("kdc", ProviderKind.KERBEROS)
                        .kerberosRealm(realm)
                        .build())
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("kerberosRealm");
                    assertThat(e.parameters()).containsEntry("problem", problem);
                });
    }

    @ParameterizedTest(name = "domain {0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "'' | must not be empty",
                "CORP\\ | must not contain '@' or '\\'",
                "a@b | must not contain '@' or '\\'"
            })
    void refuses_an_invalid_domain(String domain, String problem) {
        assertThatThrownBy(() -> LdifProvider.builder("ad", ProviderKind.ACTIVE_DIRECTORY)
                        .windowsDomain(domain)
                        .build())
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("windowsDomain");
                    assertThat(e.parameters()).containsEntry("problem", problem);
                });
    }

    @Test
    void refuses_an_empty_or_null_suffix() {
        assertThatThrownBy(() ->
                        LdifProvider.builder("s", ProviderKind.SAML).suffix(" ").build())
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("suffix"));
        assertThatThrownBy(() -> LdifProvider.builder("s", ProviderKind.SAML)
                        .suffix(null)
                        .build())
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("suffix"));
    }

    @Test
    void rules_are_kept_in_canonical_lower_case() {
        LdifProvider provider = LdifProvider.builder("ad", ProviderKind.ACTIVE_DIRECTORY)
                .kerberosRealm("CORP.EXAMPLE.COM")
                .windowsDomain("CORP")
                .suffix("@Corp.Example.Com")
                .build();

        assertThat(provider.kerberosRealms()).containsExactly("corp.example.com");
        assertThat(provider.windowsDomains()).containsExactly("corp");
        assertThat(provider.suffixes()).containsExactly("@corp.example.com");
    }
}
