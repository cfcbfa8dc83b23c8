package dev.locksmith.crypto;

import static dev.locksmith.core.testing.LocksmithFixture.name;
import static dev.locksmith.core.testing.TestUsers.aUser;
import static org.assertj.core.api.Assertions.assertThat;

import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.PasswordHash;
import dev.locksmith.core.testing.LocksmithFixture;
import dev.locksmith.core.usecase.Authenticate;
import dev.locksmith.core.usecase.AuthenticationOutcome;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Other systems hash the password as typed; Locksmith hashes its NFKC form. A hash another system made of a
 * password typed with fullwidth letters (as Japanese input methods produce) verifies against the password as
 * typed, through core's {@code Authenticate} with the real hasher, and is replaced at that first login by an
 * Argon2id hash of the normalized form at the configured cost.
 *
 * <p>The hashes were made on 2026-12-07 with the npm packages {@code argon2} 0.45.1
 * ({@code hash(pw, {type: argon2id, memoryCost: 65536, timeCost: 4, parallelism: 1})}, PHP's
 * {@code PASSWORD_ARGON2ID} defaults; the package writes its parameters in the order m, p, t) and
 * {@code bcryptjs} 3.0.3 ({@code hashSync(pw, 10)}, PHP's {@code PASSWORD_BCRYPT} default cost), of the
 * password below exactly as typed (fullwidth letters and ideographic spaces).
 */
class ImportedTypedFormTest {
    private static final String TYPED = "ｐａｓｓｗｏｒｄ　ｍｉｔ　ｆｕｌｌ　ｗｉｄｔｈ";
    private static final String NORMALIZED = "password mit full width";

    @ParameterizedTest
    @ValueSource(
            strings = {
                "$argon2id$v=19$m=65536,p=1,t=4$+DdIkCbmkkUMlIO3gmNTHA$vpzBx23/pc0FXfVbkEfKh33DAdh/ob3+BhuXW9t/X9g",
                "$2b$10$.X4JmVUdggEhixKH86vKqOzw6n/RZhJnRHBvwrxgLm7oIBw5fJ3VC"
            })
    void an_imported_hash_of_a_fullwidth_password_verifies_and_is_replaced_by_a_normalized_argon2id(String imported) {
        Argon2PasswordHasher hasher = new Argon2PasswordHasher();
        LocksmithFixture f = LocksmithFixture.create(b -> b.passwordHasher(hasher));
        PasswordHash stored = new PasswordHash(imported);
        f.given(aUser().named("kana").passwordHash(stored));
        assertThat(hasher.verify(Password.of(TYPED), stored))
                .as("its normalized form does not match")
                .isFalse();

        AuthenticationOutcome outcome =
                f.locksmith().authenticate().execute(new Authenticate.Command(name("kana"), Password.of(TYPED)));

        assertThat(outcome).isEqualTo(new AuthenticationOutcome.Authenticated(name("kana")));
        PasswordHash replaced = f.user("kana").passwordHash().orElseThrow();
        assertThat(replaced.value()).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(hasher.verify(Password.of(NORMALIZED), replaced)).isTrue();
        assertThat(f.locksmith().authenticate().execute(new Authenticate.Command(name("kana"), Password.of(TYPED))))
                .as("the same typing logs in against the new hash")
                .isEqualTo(outcome);
    }
}
