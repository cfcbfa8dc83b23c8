package dev.locksmith.web;

import static dev.locksmith.core.testing.TestUsers.aUser;
import static org.assertj.core.api.Assertions.assertThat;

import dev.locksmith.core.domain.AuditEvent;
import dev.locksmith.core.domain.EmailAddress;
import dev.locksmith.core.domain.MailException;
import dev.locksmith.core.domain.Operation;
import dev.locksmith.core.domain.Permission;
import dev.locksmith.core.domain.Username;
import dev.locksmith.core.testing.InMemoryDatabase;
import dev.locksmith.core.testing.LocksmithFixture;
import dev.locksmith.core.testing.TestUsers;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The administrators' pages and the refusals around them, over real HTTP. */
class AdministrationPagesTest {
    private static final String PASSWORD = TestUsers.DEFAULT_PASSWORD;
    private final LocksmithFixture f = LocksmithFixture.create();
    private final List<EmailAddress> testMails = new CopyOnWriteArrayList<>();
    private Console console;

    @BeforeEach
    void start() {
        f.given(aUser().named("admin").administrator());
        f.given(aUser().named("rep").privileged());
        f.given(aUser().named("ursula"));
        f.given(aUser().named("bob").email("bob@example.com"));
        console = Console.start(
                f,
                b -> b.mailSettings(Map.of("Relay", "mail.example.com:587")).mailTester(to -> {
                    if (to.value().endsWith("@broken.example")) {
                        throw MailException.deliveryFailed("connection refused", null);
                    }
                    testMails.add(to);
                }));
    }

    @AfterEach
    void stop() {
        console.close();
    }

    private HttpClientSession signedIn(String user) {
        HttpClientSession b = new HttpClientSession(console.address());
        assertThat(b.signIn(user, PASSWORD).statusCode()).isEqualTo(303);
        return b;
    }

    /** Submits the new-user form for carol, {@code password} typed twice, with the {@code other} fields. */
    private static HttpResponse<String> newCarol(HttpClientSession admin, String password, Map<String, String> other) {
        Map<String, String> form = new HashMap<>(other);
        form.put("username", "carol");
        form.put("newPassword", password);
        form.put("confirmPassword", password);
        return admin.submit("/users/new", form);
    }

    @Test
    void an_administrator_creates_a_user_and_sees_every_violation_first() {
        HttpClientSession admin = signedIn("admin");
        admin.get("/users/new");
        HttpResponse<String> weak = newCarol(
                admin, "carol", Map.of("publicName", "Carol Cooper", "email", "carol@example.com", "mustChange", "on"));
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(weak.body())
                .contains("It is too short: use at least 15 characters.")
                .contains("It contains the user&#39;s username.")
                .contains("aria-describedby=\"newPassword-error\" aria-invalid=\"true\"")
                .contains("value=\"Carol Cooper\"");
        assertThat(f.users().find(Username.of("carol"))).isEmpty();

        HttpResponse<String> created = newCarol(
                admin,
                "violet lanterns drift east",
                Map.of(
                        "publicName",
                        "Carol Cooper",
                        "email",
                        "carol@example.com",
                        "mustChange",
                        "on",
                        "setPasswords",
                        "on"));
        assertThat(created.statusCode()).isEqualTo(303);
        assertThat(f.user("carol").permissions()).containsExactly(Permission.SET_PASSWORDS);
        assertThat(f.user("carol").mustChangePassword()).isTrue();
        assertThat(f.passwordIs("carol", "violet lanterns drift east")).isTrue();

        admin.get("/users/new");
        HttpResponse<String> taken = newCarol(admin, "violet lanterns drift east", Map.of());
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(taken.body()).contains("A user with that username already exists.");
    }

    @Test
    void an_administrator_edits_grants_and_deletes_but_never_removes_the_last_administrator() {
        HttpClientSession admin = signedIn("admin");
        assertThat(admin.get("/users/edit?u=ursula").body()).contains("Allowed to set passwords");
        HttpResponse<String> granted = admin.submit(
                "/users/edit",
                Map.of("u", "ursula", "publicName", "Ursula Ulm", "setPasswords", "on", "enabled", "on"));
        assertThat(granted.statusCode()).isEqualTo(303);
        assertThat(f.user("ursula").permissions()).containsExactly(Permission.SET_PASSWORDS);
        assertThat(f.user("ursula").profile().publicName()).isEqualTo("Ursula Ulm");

        admin.get("/users/edit?u=admin");
        HttpResponse<String> demote = admin.submit("/users/edit", Map.of("u", "admin", "enabled", "on"));
        assertThat(demote.statusCode()).isEqualTo(403);
        assertThat(demote.body()).contains("The appliance must keep at least one enabled administrator.");
        assertThat(f.user("admin").isAdministrator()).isTrue();

        assertThat(admin.get("/users/delete?u=bob").body()).contains("This cannot be undone.");
        assertThat(admin.submit("/users/delete", Map.of("u", "bob")).statusCode())
                .isEqualTo(303);
        assertThat(f.users().find(Username.of("bob"))).isEmpty();
    }

    @Test
    void a_privileged_user_reaches_no_administration_page_and_changes_nothing() {
        HttpClientSession rep = signedIn("rep");
        String users = rep.get("/users").body();
        assertThat(users)
                .doesNotContain("/users/edit")
                .doesNotContain("/users/delete")
                .doesNotContain("/policy\"")
                .contains("Limited view");
        for (String page : new String[] {"/users/new", "/users/edit?u=bob", "/users/delete?u=bob", "/mail", "/audit"}) {
            assertThat(rep.get(page).statusCode()).as(page).isEqualTo(403);
        }
        InMemoryDatabase.State before = f.stateWithoutAudit();
        rep.get("/users");
        assertThat(rep.submit("/users/delete", Map.of("u", "bob")).statusCode()).isEqualTo(403);
        rep.get("/users");
        assertThat(rep.submit("/users/edit", Map.of("u", "bob", "administrator", "on", "enabled", "on"))
                        .statusCode())
                .isEqualTo(403);
        rep.get("/users");
        assertThat(rep.submit("/policy", Map.of("minLength", "8", "maxLength", "64"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(f.stateWithoutAudit()).isEqualTo(before);
        assertThat(rep.get("/policy").body())
                .contains("Only administrators may change the policy.")
                .contains("readonly");
    }

    @Test
    void an_ordinary_user_has_my_account_only() {
        HttpClientSession ursula = signedIn("ursula");
        assertThat(ursula.get("/account").body())
                .contains("Change your password")
                .doesNotContain(">Users<");
        HttpResponse<String> users = ursula.get("/users");
        assertThat(users.statusCode()).isEqualTo(403);
        assertThat(users.body()).contains("You are not allowed to do this.");
    }

    @Test
    void the_policy_page_saves_and_ties_a_bad_setting_to_its_field() {
        HttpClientSession admin = signedIn("admin");
        admin.get("/policy");
        Map<String, String> form = new java.util.HashMap<>(Map.ofEntries(
                Map.entry("minLength", "12"),
                Map.entry("maxLength", "128"),
                Map.entry("minUppercase", "0"),
                Map.entry("minLowercase", "0"),
                Map.entry("minDigits", "0"),
                Map.entry("minOther", "0"),
                Map.entry("minStrength", "0"),
                Map.entry("historySize", "5"),
                Map.entry("maxAgeDays", ""),
                Map.entry("temporaryLifetimeHours", "24"),
                Map.entry("lockoutThreshold", "5"),
                Map.entry("lockoutDurationMinutes", "15"),
                Map.entry("lockoutWindowMinutes", ""),
                Map.entry("bannedWords", "acme\nwidget")));
        assertThat(admin.submit("/policy", form).statusCode()).isEqualTo(303);
        var policy = f.policies().load().orElseThrow();
        assertThat(policy.minLength()).isEqualTo(12);
        assertThat(policy.historySize()).isEqualTo(5);
        assertThat(policy.lockoutThreshold()).isEqualTo(5);
        assertThat(policy.bannedWords()).contains("acme", "widget");

        admin.get("/policy");
        form.put("minLength", "4");
        HttpResponse<String> bad = admin.submit("/policy", form);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("id=\"minLength-error\"").contains("href=\"#minLength\"");
        assertThat(f.policies().load().orElseThrow().minLength()).isEqualTo(12);

        admin.get("/policy");
        form.put("minLength", "twelve");
        assertThat(admin.submit("/policy", form).body()).contains("Enter a whole number.");
    }

    @Test
    void the_mail_page_shows_the_settings_and_sends_a_test_email() {
        HttpClientSession admin = signedIn("admin");
        assertThat(admin.get("/mail").body()).contains("mail.example.com:587").contains("Send test email");
        assertThat(admin.submit("/mail/test", Map.of("to", "ops@example.com")).statusCode())
                .isEqualTo(303);
        assertThat(testMails).containsExactly(EmailAddress.of("ops@example.com"));
        admin.get("/mail");
        HttpResponse<String> failed = admin.submit("/mail/test", Map.of("to", "ops@broken.example"));
        assertThat(failed.statusCode()).isEqualTo(502);
        assertThat(failed.body()).contains("The email could not be sent");
    }

    @Test
    void without_a_public_address_or_mail_no_reset_link_is_offered() {
        console.close();
        console = Console.start(f, b -> b.publicAddress(null));
        HttpClientSession rep = signedIn("rep");
        assertThat(rep.get("/users/password?u=bob").body())
                .contains("Email password to user")
                .doesNotContain("Email a reset link");
        HttpClientSession admin = signedIn("admin");
        assertThat(admin.get("/mail").body())
                .contains("Email is not configured")
                .doesNotContain("Send test email");
    }

    @Test
    void the_audit_trail_filters_by_user_action_and_outcome() {
        HttpClientSession rep = signedIn("rep");
        rep.get("/users/password?u=admin");
        HttpClientSession admin = signedIn("admin");
        String denied = admin.get("/audit?user=rep&action=OPEN_CHANGE_PASSWORD_FORM&outcome=DENIED")
                .body();
        assertThat(denied).contains("<td>DENIED_TARGET_IS_ADMINISTRATOR</td>").doesNotContain("<td>AUTHENTICATE</td>");
        String logins = admin.get("/audit?action=AUTHENTICATE").body();
        assertThat(logins).contains("<td>AUTHENTICATE</td>").doesNotContain("<td>OPEN_CHANGE_PASSWORD_FORM</td>");
        assertThat(f.auditEvents()).extracting(AuditEvent::action).contains(Operation.READ_AUDIT_TRAIL);
        assertThat(admin.get("/audit?before=abc").body()).contains("Enter an event number.");
    }
}
