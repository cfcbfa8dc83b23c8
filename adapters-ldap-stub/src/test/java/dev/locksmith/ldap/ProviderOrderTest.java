package dev.locksmith.ldap;

import static dev.locksmith.ldap.Fixtures.claimant;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Providers are consulted in the order the host listed them; the first that claims a username wins. */
class ProviderOrderTest {

    private final LdifProvider ldap = LdifProvider.builder("ldap", ProviderKind.LDAP)
            .usernames(List.of("alice", "shared"))
            .build();
    private final LdifProvider radius = LdifProvider.builder("radius", ProviderKind.RADIUS)
            .usernames(List.of("bob", "Shared"))
            .build();
    private final LdifProvider kerberos = LdifProvider.builder("kerberos", ProviderKind.KERBEROS)
            .kerberosRealm("EXAMPLE.COM")
            .build();
    private final LdifProvider saml = LdifProvider.builder("saml", ProviderKind.SAML)
            .usernames(List.of("carol@example.com"))
            .suffix("@example.com")
            .build();

    /** The adapter with these providers, asked in this order. */
    private static LdifSecurityProviders inOrder(LdifProvider... providers) {
        LdifSecurityProviders.Builder builder = LdifSecurityProviders.builder();
        for (LdifProvider provider : providers) {
            builder.provider(provider);
        }
        return builder.build();
    }

    @Test
    void the_first_listed_provider_that_claims_a_name_wins() {
        LdifSecurityProviders providers = inOrder(ldap, radius);

        assertThat(claimant(providers, "shared")).contains("ldap");
        assertThat(claimant(providers, "alice")).contains("ldap");
        assertThat(claimant(providers, "bob")).contains("radius");
        assertThat(claimant(providers, "dave")).isEmpty();
    }

    @Test
    void listing_the_providers_the_other_way_round_changes_the_winner() {
        LdifSecurityProviders providers = inOrder(radius, ldap);

        assertThat(claimant(providers, "shared")).contains("radius");
        assertThat(claimant(providers, "alice")).contains("ldap");
    }

    @Test
    void an_earlier_rule_beats_a_later_directory_copy_and_the_other_way_round() {
        LdifSecurityProviders kerberosFirst = inOrder(kerberos, saml);
        LdifSecurityProviders samlFirst = inOrder(saml, kerberos);

        assertThat(claimant(kerberosFirst, "carol@example.com")).contains("kerberos");
        assertThat(claimant(samlFirst, "carol@example.com")).contains("saml");
        assertThat(claimant(samlFirst, "dave@example.com")).contains("saml");
        assertThat(claimant(kerberosFirst, "x@y@example.com")).contains("saml");
    }

    @Test
    void providers_are_reported_in_the_configured_order() {
        LdifSecurityProviders providers = inOrder(saml, ldap, kerberos, radius);

        assertThat(providers.providers())
                .extracting(LdifProvider::name)
                .containsExactly("saml", "ldap", "kerberos", "radius");
        assertThat(providers.providers())
                .extracting(LdifProvider::kind)
                .containsExactly(ProviderKind.SAML, ProviderKind.LDAP, ProviderKind.KERBEROS, ProviderKind.RADIUS);
        assertThat(providers)
                .hasToString("LdifSecurityProviders[saml (SAML), ldap (LDAP), kerberos (KERBEROS), radius (RADIUS)]");
    }
}
