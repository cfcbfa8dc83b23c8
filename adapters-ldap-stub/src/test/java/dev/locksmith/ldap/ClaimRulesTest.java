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

    /** A provider of the kind that uses {@code rule} (a builder method's name), with that one rule. */
    private static LdifProvider.Builder providerWith(String rule, String value) {
        return switch (rule) {
            case "kerberosRealm" ->
                LdifProvider.builder("kdc", ProviderKind.KERBEROS).kerberosRealm(value);
            case "windowsDomain" ->
                LdifProvider.builder("ad", ProviderKind.ACTIVE_DIRECTORY).windowsDomain(value);
            case "suffix" -> LdifProvider.builder("saml", ProviderKind.SAML).suffix(value);
            default -> throw new IllegalArgumentException(rule);
        };
    }

    /**
     * A Kerberos realm claims the principals of that realm only, a Windows domain the users of that domain only, a
     * suffix the names that end with it after something; all ignore case.
     */
    @ParameterizedTest(name = "{0} {1}: {2} -> {3}")
    @CsvSource(
            delimiter = '|',
            value = {
                "kerberosRealm | CORP.EXAMPLE.COM  | alice@CORP.EXAMPLE.COM       | true",
                "kerberosRealm | CORP.EXAMPLE.COM  | alice@corp.example.com       | true",
                "kerberosRealm | CORP.EXAMPLE.COM  | Alice@Corp.Example.Com       | true",
                "kerberosRealm | CORP.EXAMPLE.COM  | host/web01@CORP.EXAMPLE.COM  | true",
                "kerberosRealm | CORP.EXAMPLE.COM  | @CORP.EXAMPLE.COM            | false",
                "kerberosRealm | CORP.EXAMPLE.COM  | alice@SUB.CORP.EXAMPLE.COM   | false",
                "kerberosRealm | CORP.EXAMPLE.COM  | alice@EXAMPLE.COM            | false",
                "kerberosRealm | CORP.EXAMPLE.COM  | alice@CORP.EXAMPLE.COM.EVIL  | false",
                "kerberosRealm | CORP.EXAMPLE.COM  | a@b@CORP.EXAMPLE.COM         | false",
                "kerberosRealm | CORP.EXAMPLE.COM  | aliceCORP.EXAMPLE.COM        | false",
                "kerberosRealm | CORP.EXAMPLE.COM  | alice                        | false",
                "windowsDomain | CORP              | CORP\\alice                  | true",
                "windowsDomain | CORP              | corp\\ALICE                  | true",
                "windowsDomain | CORP              | Corp\\alice.smith            | true",
                "windowsDomain | CORP              | CORP\\                       | false",
                "windowsDomain | CORP              | CORP\\a\\b                   | false",
                "windowsDomain | CORP              | OTHER\\alice                 | false",
                "windowsDomain | CORP              | XCORP\\alice                 | false",
                "windowsDomain | CORP              | CORPalice                    | false",
                "windowsDomain | CORP              | alice@CORP                   | false",
                "suffix        | @Corp.Example.Com | alice@corp.example.com       | true",
                "suffix        | @Corp.Example.Com | ALICE@CORP.EXAMPLE.COM       | true",
                "suffix        | @Corp.Example.Com | a.b@dept@corp.example.com    | true",
                "suffix        | @Corp.Example.Com | @corp.example.com            | false",
                "suffix        | @Corp.Example.Com | alice@corp.example.co        | false",
                "suffix        | @Corp.Example.Com | alice@corp.example.com.evil  | false",
                "suffix        | @Corp.Example.Com | alice                        | false"
            })
    void a_rule_claims_only_the_names_it_describes(String rule, String value, String username, boolean claimed) {
        LdifSecurityProviders providers = only(providerWith(rule, value).build());

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

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "kerberosRealm | ''           | must not be empty",
                "kerberosRealm | CORP@EXAMPLE | must not contain '@' or '\\'",
                "kerberosRealm | CORP EXAMPLE | must not contain whitespace",
                "kerberosRealm | CORP\\X      | must not contain '@' or '\\'",
                "windowsDomain | ''           | must not be empty",
                "windowsDomain | CORP\\       | must not contain '@' or '\\'",
                "windowsDomain | a@b          | must not contain '@' or '\\'"
            })
    void refuses_an_invalid_realm_or_domain(String rule, String value, String problem) {
        assertThatThrownBy(() -> providerWith(rule, value).build())
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo(rule);
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
