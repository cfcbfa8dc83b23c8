package dev.locksmith.core.usecase;

import static dev.locksmith.core.testing.LocksmithFixture.name;
import static dev.locksmith.core.testing.TestUsers.aUser;
import static dev.locksmith.core.usecase.Refusals.assertViolations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.locksmith.core.domain.AuditEvent;
import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.PasswordPolicy;
import dev.locksmith.core.domain.PasswordRules;
import dev.locksmith.core.domain.PolicyViolation;
import dev.locksmith.core.domain.Profile;
import dev.locksmith.core.domain.UnavailableException;
import dev.locksmith.core.port.AuditTrail;
import dev.locksmith.core.testing.LocksmithFixture;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GenerateTemporaryPasswordTest {

    private static Password generate(LocksmithFixture f) {
        return f.locksmith().generateTemporaryPassword().execute(GenerateTemporaryPassword.Command.of(name("rep")));
    }

    @Test
    void satisfies_every_preset_and_class_minimum_and_is_random() {
        for (PasswordPolicy policy : new PasswordPolicy[] {
            PasswordPolicy.nistDefault(),
            PasswordPolicy.classicComplex(),
            PasswordPolicy.builder()
                    .minLength(20)
                    .minUppercase(3)
                    .minLowercase(3)
                    .minDigits(3)
                    .minOther(3)
                    .complex(true)
                    .build(),
            PasswordPolicy.builder()
                    .minLength(64)
                    .maxLength(64)
                    .minUppercase(16)
                    .minLowercase(16)
                    .minDigits(16)
                    .build()
        }) {
            LocksmithFixture f = LocksmithFixture.create();
            f.given(aUser().named("rep").privileged());
            f.policy(policy);
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < 50; i++) {
                try (Password p = generate(f)) {
                    assertThat(PasswordRules.check(p, policy, name("someone"), Profile.empty()))
                            .isEmpty();
                    assertThat(p.codePointCount()).isGreaterThanOrEqualTo(Math.max(policy.minLength(), 16));
                    char[] chars = p.toCharArray();
                    seen.add(new String(chars));
                }
            }
            assertThat(seen).hasSize(50);
        }
    }

    @Test
    void a_password_that_passed_its_checks_is_wiped_when_the_use_case_then_fails() {
        LocksmithFixture elsewhere = LocksmithFixture.create();
        List<Password> generated = new ArrayList<>();
        AuditTrail failsOnSuccess =
                new FailingAuditTrail(elsewhere.audit(), e -> e.outcome() == AuditEvent.Outcome.SUCCESS);
        LocksmithFixture f =
                LocksmithFixture.create(b -> b.auditTrail(failsOnSuccess).blocklist(p -> {
                    generated.add(p);
                    return false;
                }));
        f.given(aUser().named("rep").privileged());

        assertThatThrownBy(() -> generate(f)).isInstanceOf(UnavailableException.class);
        assertThat(generated)
                .isNotEmpty()
                .allSatisfy(p -> assertThat(p.isWiped()).isTrue());
    }

    @Test
    void a_candidate_is_wiped_when_checking_it_fails() {
        List<Password> generated = new ArrayList<>();
        LocksmithFixture f = LocksmithFixture.create(b -> b.blocklist(p -> {
            generated.add(p);
            throw new UnavailableException("blocklist unreadable", null);
        }));
        f.given(aUser().named("rep").privileged());

        assertThatThrownBy(() -> generate(f)).isInstanceOf(UnavailableException.class);
        assertThat(generated).hasSize(1).allSatisfy(p -> assertThat(p.isWiped()).isTrue());
    }

    @Test
    void draws_again_while_the_blocklist_refuses() {
        AtomicInteger calls = new AtomicInteger();
        LocksmithFixture f = LocksmithFixture.create(b -> b.blocklist(p -> calls.incrementAndGet() <= 3));
        f.given(aUser().named("rep").privileged());
        generate(f).wipe();
        assertThat(f.lastAuditEvent().details()).containsEntry("attempts", "4");
    }

    @Test
    void gives_up_with_the_violations_when_nothing_can_pass() {
        LocksmithFixture f = LocksmithFixture.create(b -> b.blocklist(p -> true));
        f.given(aUser().named("rep").privileged());
        assertViolations(() -> generate(f)).containsExactly(PolicyViolation.of(PolicyViolation.Code.COMMON_PASSWORD));
        assertThat(f.lastAuditEvent().outcome()).isEqualTo(AuditEvent.Outcome.FAILED);
    }

    @Test
    void a_generated_password_can_be_set_and_used() {
        LocksmithFixture f = LocksmithFixture.create();
        f.given(aUser().named("rep").privileged());
        f.given(aUser().named("alice").email("alice@example.com"));
        Password generated = f.locksmith()
                .generateTemporaryPassword()
                .execute(new GenerateTemporaryPassword.Command(name("rep"), Optional.of(name("alice"))));
        f.locksmith().setPassword().execute(new SetPassword.Command(name("rep"), name("alice"), generated, true, true));
        String mailed = f.mailer().newPasswords().get(0).password();
        assertThat(generated.isWiped()).isTrue();
        assertThat(f.authenticate("alice", mailed))
                .isEqualTo(new AuthenticationOutcome.MustChangePassword(name("alice")));
    }
}
