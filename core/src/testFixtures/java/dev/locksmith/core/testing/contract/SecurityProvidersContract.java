package dev.locksmith.core.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locksmith.core.domain.Source;
import dev.locksmith.core.domain.Username;
import dev.locksmith.core.port.SecurityProviders;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link SecurityProviders}, as its Javadoc states it: the claimant of a username is the
 * provider that manages it, matching is case-insensitive, an unmanaged username has none, and the port is
 * thread-safe. Run it against an implementation by extending it and implementing
 * {@link #providersClaiming(String, List)}.
 */
public abstract class SecurityProvidersContract {

    private static final String PROVIDER = "corp-directory";

    /**
     * An implementation with one provider, named {@code providerName}, that manages exactly {@code usernames},
     * spelled as a directory holds them (mixed case, possibly non-ASCII), and nothing else.
     */
    protected abstract SecurityProviders providersClaiming(String providerName, List<String> usernames)
            throws Exception;

    @Test
    void claims_each_managed_username_for_the_named_provider() throws Exception {
        SecurityProviders providers = providersClaiming(PROVIDER, List.of("alice", "bob.smith", "carol@example.com"));

        for (String name : List.of("alice", "bob.smith", "carol@example.com")) {
            assertThat(providers.claimant(Username.of(name))).as(name).contains(new Source.Provider(PROVIDER));
        }
    }

    @Test
    void the_claimant_carries_the_provider_name_as_configured() throws Exception {
        SecurityProviders providers = providersClaiming("Corp AD (EMEA)", List.of("alice"));

        assertThat(providers.claimant(Username.of("alice")))
                .map(Source.Provider::name)
                .contains("Corp AD (EMEA)");
    }

    @Test
    void matching_ignores_case_of_the_directory_spelling() throws Exception {
        SecurityProviders providers = providersClaiming(PROVIDER, List.of("Alice.Smith", "BOB", "Carol@Example.COM"));

        for (String name : List.of(
                "alice.smith", "ALICE.SMITH", "aLiCe.SmItH", "bob", "Bob", "carol@example.com", "CAROL@EXAMPLE.COM")) {
            assertThat(providers.claimant(Username.of(name))).as(name).contains(new Source.Provider(PROVIDER));
        }
    }

    @Test
    void matching_ignores_case_beyond_ascii() throws Exception {
        SecurityProviders providers = providersClaiming(PROVIDER, List.of("ZOË", "Ørjan"));

        for (String name : List.of("zoë", "Zoë", "ZOË", "ørjan", "ØRJAN")) {
            assertThat(providers.claimant(Username.of(name))).as(name).contains(new Source.Provider(PROVIDER));
        }
    }

    @Test
    void an_unmanaged_username_has_no_claimant() throws Exception {
        SecurityProviders providers = providersClaiming(PROVIDER, List.of("alice", "bob"));

        assertThat(providers.claimant(Username.of("mallory"))).isEmpty();
    }

    @Test
    void a_name_that_merely_contains_or_extends_a_managed_one_has_no_claimant() throws Exception {
        SecurityProviders providers = providersClaiming(PROVIDER, List.of("alice"));

        for (String name : List.of("alice2", "alic", "malice", "alice.smith", "alice@example.com", "corp\\alice")) {
            assertThat(providers.claimant(Username.of(name))).as(name).isEmpty();
        }
    }

    @Test
    void a_provider_managing_nobody_claims_nobody() throws Exception {
        SecurityProviders providers = providersClaiming(PROVIDER, List.of());

        assertThat(providers.claimant(Username.of("alice"))).isEmpty();
        assertThat(providers.claimant(Username.of("admin"))).isEmpty();
    }

    @Test
    void concurrent_lookups_give_the_same_answers_as_single_ones() throws Exception {
        List<String> managed = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            managed.add("User" + i);
        }
        SecurityProviders providers = providersClaiming(PROVIDER, managed);
        Map<Username, Optional<Source.Provider>> expected = new LinkedHashMap<>();
        for (int i = 0; i < 400; i++) {
            boolean isManaged = i < 200;
            expected.put(
                    Username.of("user" + i), isManaged ? Optional.of(new Source.Provider(PROVIDER)) : Optional.empty());
        }
        Concurrently.answersAsExpected(4, 20, expected, providers::claimant);
    }
}
