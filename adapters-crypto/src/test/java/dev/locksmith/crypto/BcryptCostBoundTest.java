package dev.locksmith.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.PasswordHash;
import dev.locksmith.core.domain.Reason;
import dev.locksmith.core.domain.UnavailableException;
import org.junit.jupiter.api.Test;

/**
 * A bcrypt hash above the configured cost bound (default 14) is refused with HASH_UNSUPPORTED before anything is
 * computed, unless the host raises the bound. The cost-14 and cost-15 hashes were made with bcryptjs 3.0.3
 * (npm) on 2026-12-07: {@code bcrypt.hashSync(password, bcrypt.genSaltSync(cost))}.
 */
class BcryptCostBoundTest {
    private static final String PASSWORD = "correct horse battery staple";
    /** Password {@value #PASSWORD}. */
    private static final PasswordHash COST_15 =
            new PasswordHash("$2b$15$A63n2qNUrb7Kavrsmdyh0uZPcPbbFF/0cMtgCtTqngZAs6aObFtV.");
    /** Password "Tr0ub4dor&3". */
    private static final PasswordHash COST_14 =
            new PasswordHash("$2b$14$FfZGf9OJ.Piq4B6QwY4fyOtmf8nDkPObefIKplJith87ooIBT4wuu");
    /** htpasswd, cost 6 (also in bcrypt-fixtures.tsv). */
    private static final PasswordHash COST_6 =
            new PasswordHash("$2y$06$ksQUktyFR1BOcbnVdetCgupUfgdFOKr9IpzBDQYeFbiwwzocwVTH6");

    private final CountingObserver counting = new CountingObserver();

    @Test
    void above_cost_14_is_refused_by_default_without_computing() {
        Argon2PasswordHasher hasher = new Argon2PasswordHasher(Argon2Settings.defaults(), counting);

        counting.assertRefusedWithoutComputing(hasher, PASSWORD, COST_15, "cost 15 above the bound of 14");
    }

    @Test
    void cost_14_verifies_by_default() {
        Argon2PasswordHasher hasher = new Argon2PasswordHasher(Argon2Settings.defaults(), counting);

        assertThat(hasher.verify(Password.of("Tr0ub4dor&3"), COST_14)).isTrue();
        assertThat(counting.computations).hasValue(1);
    }

    @Test
    void a_raised_bound_verifies_a_costlier_hash() {
        Argon2PasswordHasher hasher = new Argon2PasswordHasher(
                Argon2Settings.builder().maxBcryptCost(15).build());

        assertThat(hasher.verify(Password.of(PASSWORD), COST_15)).isTrue();
        assertThat(hasher.needsRehash(COST_15)).isTrue();
    }

    @Test
    void a_lowered_bound_refuses_what_it_no_longer_admits() {
        Argon2PasswordHasher lowered = new Argon2PasswordHasher(
                Argon2Settings.builder().maxBcryptCost(5).build(), counting);

        assertThatThrownBy(() -> lowered.verify(Password.of(PASSWORD), COST_6))
                .isInstanceOfSatisfying(
                        UnavailableException.class, e -> assertThat(e.reason()).isEqualTo(Reason.HASH_UNSUPPORTED));
        assertThat(counting.computations).hasValue(0);
        assertThat(new Argon2PasswordHasher(
                                Argon2Settings.builder().maxBcryptCost(6).build())
                        .verify(Password.of(PASSWORD), COST_6))
                .isTrue();
    }
}
