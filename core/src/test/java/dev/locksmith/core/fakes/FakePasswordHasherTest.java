package dev.locksmith.core.fakes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.PasswordHash;
import dev.locksmith.core.domain.Reason;
import dev.locksmith.core.domain.UnavailableException;
import dev.locksmith.core.testing.FakePasswordHasher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FakePasswordHasherTest {
    private final FakePasswordHasher hasher = new FakePasswordHasher(64);

    @Test
    void verifies_the_right_password_and_refuses_a_wrong_one() {
        PasswordHash hash = hasher.hash(Password.of("ünïcödé pässwörd"));
        assertThat(hash.value()).startsWith("$pbkdf2-sha256$i=64$");
        assertThat(hasher.verify(Password.of("ünïcödé pässwörd"), hash)).isTrue();
        assertThat(hasher.verify(Password.of("unicode password"), hash)).isFalse();
        assertThat(hasher.verify(Password.of(""), hasher.hash(Password.of("")))).isTrue();
    }

    @Test
    void salts_every_hash() {
        assertThat(hasher.hash(Password.of("same"))).isNotEqualTo(hasher.hash(Password.of("same")));
    }

    @Test
    void needs_rehash_below_the_configured_iterations_or_for_another_algorithm() {
        PasswordHash weak = new FakePasswordHasher(8).hash(Password.of("x"));
        assertThat(hasher.needsRehash(weak)).isTrue();
        assertThat(hasher.needsRehash(hasher.hash(Password.of("x")))).isFalse();
        assertThat(hasher.needsRehash(new PasswordHash("$2b$10$abcdefghijklmnopqrstuu")))
                .isTrue();
        assertThat(hasher.needsRehash(new PasswordHash("$pbkdf2-sha256$garbage")))
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "garbage",
                "$pbkdf2-sha256$i=0$AAAAAAAAAAA$BBBB",
                "$pbkdf2-sha256$i=64$!!!$BBBB",
                "$pbkdf2-sha256$i=64$AAAAAAAAAAAAAAAAAAAAAA$AAAA",
                "$argon2id$v=19$m=1,t=1,p=1$AAAA$AAAA",
                "$pbkdf2-sha256$i=99999999999$AAAAAAAAAAAAAAAAAAAAAA$AAAA"
            })
    void refuses_malformed_or_foreign_hashes_with_a_typed_error(String value) {
        assertThatThrownBy(() -> hasher.verify(Password.of("x"), new PasswordHash(value)))
                .isInstanceOfSatisfying(
                        UnavailableException.class, e -> assertThat(e.reason()).isEqualTo(Reason.HASH_UNSUPPORTED));
    }
}
