package dev.locksmith.core.usecase;

import static dev.locksmith.core.testing.LocksmithFixture.name;
import static dev.locksmith.core.testing.LocksmithFixture.password;
import static dev.locksmith.core.testing.TestUsers.aUser;
import static dev.locksmith.core.usecase.AuditAssertions.assertSuccessWithoutActor;
import static dev.locksmith.core.usecase.Refusals.assertDenied;
import static dev.locksmith.core.usecase.Refusals.assertRefused;
import static dev.locksmith.core.usecase.Refusals.assertViolations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.locksmith.core.Locksmith;
import dev.locksmith.core.domain.AuditEvent;
import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.MailException;
import dev.locksmith.core.domain.Operation;
import dev.locksmith.core.domain.PasswordPolicy;
import dev.locksmith.core.domain.PolicyViolation;
import dev.locksmith.core.domain.Reason;
import dev.locksmith.core.domain.UnavailableException;
import dev.locksmith.core.port.Mailer;
import dev.locksmith.core.testing.InMemoryDatabase;
import dev.locksmith.core.testing.LocksmithFixture;
import dev.locksmith.core.testing.TestClock;
import dev.locksmith.core.testing.TestUsers;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ResetLinkTest {
    private static final String PAGE = "https://appliance.example/locksmith/reset";
    private static final String NEW = "violet lanterns drift east";
    private final LocksmithFixture f = LocksmithFixture.create();

    @BeforeEach
    void world() {
        f.given(aUser().named("admin").administrator().email("admin@example.com"));
        f.given(aUser().named("rep").privileged());
        f.given(aUser().named("alice")
                .displayNames("Alice Liddell", "Alice L.")
                .email("alice@example.com")
                .mustChangePassword()
                .failedLogins(10)
                .locked(TestClock.START.minusSeconds(60), null));
        f.given(aUser().named("nomail"));
        f.given(aUser().named("dir").email("dir@example.com").fromProvider("corp-ldap"));
    }

    private IssueResetLink.Result issue(String actor, String target) {
        return f.locksmith().issueResetLink().execute(IssueResetLink.Command.of(name(actor), name(target), PAGE));
    }

    private String lastToken() {
        List<Mailer.ResetLink> links = f.mailer().resetLinks();
        String link = links.get(links.size() - 1).link();
        assertThat(link).startsWith(PAGE + "?token=");
        return link.substring((PAGE + "?token=").length());
    }

    private RedeemResetLink.Result redeem(String token, String newPassword) {
        return f.locksmith().redeemResetLink().execute(new RedeemResetLink.Command(token, password(newPassword)));
    }

    private static void assertRefusedLink(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.INVALID_INPUT);
            assertThat(e.field()).isEqualTo("token");
        });
    }

    @Test
    void a_privileged_user_issues_a_link_that_is_mailed_stored_only_as_a_hash_and_audited_without_it() {
        IssueResetLink.Result result = issue("rep", "alice");

        assertThat(result.expiresAt()).isEqualTo(TestClock.START.plus(Duration.ofHours(1)));
        assertThat(result.to().value()).isEqualTo("alice@example.com");
        Mailer.ResetLink mail = f.mailer().resetLinks().get(0);
        assertThat(mail.to().value()).isEqualTo("alice@example.com");
        assertThat(mail.displayName()).isEqualTo("Alice Liddell");
        String token = lastToken();
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(mail.toString()).doesNotContain(token);
        InMemoryDatabase.State state = f.database().state();
        assertThat(state.resetTokens()).hasSize(1);
        assertThat(state.resetTokens().toString()).doesNotContain(token);
        AuditEvent event = f.lastAuditEvent();
        assertThat(event.action()).isEqualTo(Operation.ISSUE_RESET_LINK);
        assertThat(event.outcome()).isEqualTo(AuditEvent.Outcome.SUCCESS);
        assertThat(event.target()).contains(name("alice"));
        assertThat(event.toString()).doesNotContain(token);
        // issuing changes nothing else: the current password still works
        assertThat(f.passwordIs("alice", TestUsers.DEFAULT_PASSWORD)).isTrue();
    }

    @Test
    void issuing_follows_the_set_password_matrix_and_a_refusal_stores_nothing() {
        InMemoryDatabase.State before = f.stateWithoutAudit();
        assertDenied(() -> issue("rep", "admin"), Reason.DENIED_TARGET_IS_ADMINISTRATOR);
        assertDenied(() -> issue("rep", "dir"), Reason.DENIED_TARGET_MANAGED_BY_PROVIDER);
        assertDenied(() -> issue("alice", "rep"), Reason.DENIED_PASSWORD_CHANGE_REQUIRED);
        assertDenied(() -> issue("admin", "admin"), Reason.DENIED_SELF_TARGET);
        assertThat(f.stateWithoutAudit()).isEqualTo(before);
        assertThat(f.mailer().resetLinks()).isEmpty();
        assertThat(f.lastAuditEvent().outcome()).isEqualTo(AuditEvent.Outcome.DENIED);
    }

    @Test
    void without_mail_an_address_or_a_delivery_nothing_is_stored() {
        InMemoryDatabase.State before = f.stateWithoutAudit();
        assertRefused(() -> issue("rep", "nomail"), MailException.class, Reason.MAIL_NO_ADDRESS);
        f.mailer().failDelivery(true);
        assertRefused(() -> issue("rep", "alice"), MailException.class, Reason.MAIL_DELIVERY_FAILED);
        f.mailer().failDelivery(false).configured(false);
        assertRefused(() -> issue("rep", "alice"), MailException.class, Reason.MAIL_NOT_CONFIGURED);
        assertThat(f.stateWithoutAudit()).isEqualTo(before);
    }

    @Test
    void a_mailer_without_reset_links_refuses_as_not_configured() {
        Mailer legacy = new Mailer() {
            @Override
            public boolean isConfigured() {
                return true;
            }

            @Override
            public void sendNewPassword(NewPassword message) {}

            @Override
            public void sendPasswordChanged(PasswordChanged message) {}
        };
        LocksmithFixture g = LocksmithFixture.create(b -> b.mailer(legacy));
        g.given(aUser().named("rep").privileged());
        g.given(aUser().named("alice").email("alice@example.com"));
        assertRefused(
                () -> g.locksmith()
                        .issueResetLink()
                        .execute(IssueResetLink.Command.of(name("rep"), name("alice"), PAGE)),
                MailException.class,
                Reason.MAIL_NOT_CONFIGURED);
        assertThat(g.database().state().resetTokens()).isEmpty();
    }

    @Test
    void redeeming_sets_the_password_as_the_users_own_change_and_the_link_works_once() {
        issue("rep", "alice");
        String token = lastToken();

        RedeemResetLink.Result result = redeem(token, NEW);

        assertThat(result.username()).isEqualTo(name("alice"));
        assertThat(f.passwordIs("alice", NEW)).isTrue();
        assertThat(f.user("alice").mustChangePassword()).isFalse();
        assertThat(f.user("alice").failedLogins()).isZero();
        assertThat(f.user("alice").lock()).isEmpty();
        assertSuccessWithoutActor(f.lastAuditEvent(), Operation.REDEEM_RESET_LINK, "alice");
        assertThat(f.database().state().resetTokens()).isEmpty();

        InMemoryDatabase.State before = f.stateWithoutAudit();
        assertRefusedLink(() -> redeem(token, "another fine long phrase"));
        assertThat(f.stateWithoutAudit()).isEqualTo(before);
        assertThat(f.lastAuditEvent().outcome()).isEqualTo(AuditEvent.Outcome.FAILED);
        assertThat(f.lastAuditEvent().details()).containsEntry("why", "UNKNOWN_OR_USED");
    }

    @Test
    void an_expired_link_is_refused_and_changes_nothing() {
        issue("rep", "alice");
        String token = lastToken();
        f.clock().advance(Duration.ofHours(1));
        InMemoryDatabase.State before = f.stateWithoutAudit();
        assertRefusedLink(() -> redeem(token, NEW));
        assertThat(f.stateWithoutAudit()).isEqualTo(before);
        assertThat(f.lastAuditEvent().details()).containsEntry("why", "EXPIRED");
    }

    @Test
    void the_policy_sets_the_lifetime_within_bounds() {
        LocksmithFixture g = LocksmithFixture.create();
        g.policy(p -> p.resetLinkLifetime(Duration.ofMinutes(5)));
        g.given(aUser().named("rep").privileged());
        g.given(aUser().named("alice").email("alice@example.com"));
        IssueResetLink.Result result =
                g.locksmith().issueResetLink().execute(IssueResetLink.Command.of(name("rep"), name("alice"), PAGE));
        assertThat(result.expiresAt()).isEqualTo(TestClock.START.plus(Duration.ofMinutes(5)));
        assertThatThrownBy(() -> PasswordPolicy.builder()
                        .resetLinkLifetime(Duration.ofSeconds(5))
                        .build())
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> PasswordPolicy.builder()
                        .resetLinkLifetime(Duration.ofDays(8))
                        .build())
                .isInstanceOf(InvalidInputException.class);
        assertThat(PasswordPolicy.nistDefault().resetLinkLifetime()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void any_other_password_change_voids_the_link() {
        issue("rep", "alice");
        String token = lastToken();
        f.setPassword("admin", "alice", "a completely different phrase");
        assertRefusedLink(() -> redeem(token, NEW));
        assertThat(f.passwordIs("alice", "a completely different phrase")).isTrue();
        assertThat(f.lastAuditEvent().details()).containsEntry("why", "PASSWORD_CHANGED");
    }

    @Test
    void a_redeemed_link_voids_the_users_other_links() {
        issue("rep", "alice");
        String first = lastToken();
        issue("admin", "alice");
        String second = lastToken();
        redeem(second, NEW);
        assertRefusedLink(() -> redeem(first, "another fine long phrase"));
        assertThat(f.passwordIs("alice", NEW)).isTrue();
    }

    @Test
    void the_policy_and_history_apply_and_a_refused_password_leaves_the_link_working() {
        issue("rep", "alice");
        String token = lastToken();
        assertViolations(() -> redeem(token, TestUsers.DEFAULT_PASSWORD))
                .extracting(PolicyViolation::code)
                .contains(PolicyViolation.Code.SAME_AS_CURRENT);
        assertViolations(() -> redeem(token, "short"))
                .extracting(PolicyViolation::code)
                .contains(PolicyViolation.Code.TOO_SHORT);
        redeem(token, NEW);
        assertThat(f.passwordIs("alice", NEW)).isTrue();
    }

    @Test
    void a_deleted_disabled_or_re_created_user_voids_the_link() {
        issue("rep", "alice");
        String token = lastToken();
        f.locksmith().editUser().execute(EditUser.Command.enabled(name("admin"), name("alice"), false));
        assertRefusedLink(() -> redeem(token, NEW));
        assertThat(f.lastAuditEvent().details()).containsEntry("why", "DISABLED");

        f.locksmith().editUser().execute(EditUser.Command.enabled(name("admin"), name("alice"), true));
        issue("rep", "alice");
        String token2 = lastToken();
        f.locksmith().deleteUser().execute(new DeleteUser.Command(name("admin"), name("alice")));
        f.given(aUser().named("alice").email("alice@example.com"));
        assertRefusedLink(() -> redeem(token2, NEW));
        assertThat(f.lastAuditEvent().details()).containsEntry("why", "USER_GONE");
    }

    @Test
    void malformed_tokens_are_refused_without_echoing_them() {
        String bad = "<script>alert(1)</script>";
        assertThatThrownBy(() -> redeem(bad, NEW)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.field()).isEqualTo("token");
            assertThat(e.getMessage()).doesNotContain(bad);
        });
        assertThat(f.lastAuditEvent().details()).containsEntry("why", "MALFORMED");
        assertThat(new RedeemResetLink.Command("abc", password(NEW)).toString()).doesNotContain("abc");
    }

    @Test
    void without_a_token_store_reset_links_are_unavailable() {
        Locksmith bare = LocksmithFixture.create(b -> b.resetTokens(null)).locksmith();
        assertThat(bare.offersResetLinks()).isFalse();
        assertThat(f.locksmith().offersResetLinks()).isTrue();
        assertRefused(
                () -> bare.issueResetLink().execute(IssueResetLink.Command.of(name("rep"), name("alice"), PAGE)),
                UnavailableException.class,
                Reason.UNAVAILABLE);
        assertThatThrownBy(() -> IssueResetLink.Command.of(name("rep"), name("alice"), "javascript:alert(1)"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> IssueResetLink.Command.of(name("rep"), name("alice"), PAGE + "#x"))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void of_concurrent_redemptions_of_one_link_exactly_one_sets_the_password() throws Exception {
        issue("rep", "alice");
        String token = lastToken();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String choice = "violet lanterns drift east number " + i;
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        redeem(token, choice);
                        return true;
                    } catch (InvalidInputException refused) {
                        return false;
                    }
                }));
            }
            start.countDown();
            int won = 0;
            for (java.util.concurrent.Future<Boolean> result : results) {
                won += result.get(30, java.util.concurrent.TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(f.auditEvents())
                .filteredOn(e -> e.action() == Operation.REDEEM_RESET_LINK && e.outcome() == AuditEvent.Outcome.SUCCESS)
                .hasSize(1);
    }
}
