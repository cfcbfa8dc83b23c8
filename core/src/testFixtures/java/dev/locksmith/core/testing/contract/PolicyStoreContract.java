package dev.locksmith.core.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locksmith.core.domain.PasswordPolicy;
import dev.locksmith.core.port.PolicyStore;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What every {@link PolicyStore} promises. Subclasses return a fresh, empty store from {@link #newPolicyStore()}. */
public abstract class PolicyStoreContract extends StoreContract<PolicyStore> {

    /** A fresh store in which no policy was ever saved; called once per test. */
    protected abstract PolicyStore newPolicyStore();

    @Override
    final PolicyStore freshStore() {
        return newPolicyStore();
    }

    @Test
    void nothing_is_loaded_before_a_policy_is_saved() {
        assertThat(store.load()).isEmpty();
    }

    @Test
    void a_saved_policy_loads_back_equal() {
        store.save(PasswordPolicy.nistDefault());
        assertThat(store.load()).contains(PasswordPolicy.nistDefault());
    }

    @Test
    void every_setting_round_trips() {
        PasswordPolicy policy = PasswordPolicy.builder()
                .minLength(12)
                .maxLength(200)
                .complex(true)
                .minUppercase(1)
                .minLowercase(2)
                .minDigits(3)
                .minOther(4)
                .bannedWords(Set.of("acme", "widget", "o'brien; --", "50%_off"))
                .minStrength(3)
                .historySize(24)
                .maxAge(Duration.ofDays(90).plusMillis(1))
                .temporaryLifetime(null)
                .lockoutThreshold(100)
                .lockoutDuration(null)
                .lockoutWindow(Duration.ofMinutes(45))
                .resetLinkLifetime(Duration.ofMinutes(20))
                .build();
        store.save(policy);
        assertThat(store.load()).contains(policy);
    }

    @Test
    void saving_replaces_the_previous_policy_entirely() {
        store.save(PasswordPolicy.builder()
                .bannedWords(Set.of("first", "second"))
                .historySize(5)
                .build());
        PasswordPolicy replacement = PasswordPolicy.classicComplex().toBuilder()
                .bannedWords(Set.of("third"))
                .build();
        store.save(replacement);
        assertThat(store.load()).contains(replacement);
    }
}
