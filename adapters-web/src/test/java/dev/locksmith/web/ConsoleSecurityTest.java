package dev.locksmith.web;

import static dev.locksmith.core.testing.TestUsers.aUser;
import static org.assertj.core.api.Assertions.assertThat;

import dev.locksmith.core.testing.InMemoryDatabase;
import dev.locksmith.core.testing.LocksmithFixture;
import dev.locksmith.core.testing.TestClock;
import dev.locksmith.core.testing.TestUsers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The console's web security over real HTTP: headers, cookies, CSRF, session identifiers and timeouts. */
class ConsoleSecurityTest {
    private static final String PASSWORD = TestUsers.DEFAULT_PASSWORD;
    private final LocksmithFixture f = LocksmithFixture.create();
    private Console console;

    @BeforeEach
    void start() {
        f.given(aUser().named("admin").administrator());
        f.given(aUser().named("rep").privileged());
        f.given(aUser().named("alice").email("alice@example.com").failedLogins(3));
        f.given(aUser().named("temp").mustChangePassword());
        console = Console.start(f);
    }

    @AfterEach
    void stop() {
        console.close();
    }

    private HttpClientSession browser() {
        return new HttpClientSession(console.address());
    }

    /** The change-password form setting alice's password to {@code password} (typed twice), with {@code other}. */
    private static Map<String, String> setAlicePassword(String password, Map<String, String> other) {
        Map<String, String> form = new HashMap<>(other);
        form.put("u", "alice");
        form.put("newPassword", password);
        form.put("confirmPassword", password);
        form.put("action", "set");
        return form;
    }

    @Test
    void every_page_carries_the_security_headers_and_the_cookie_its_attributes() {
        HttpClientSession b = browser();
        HttpResponse<String> login = b.get("/login");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().firstValue("Content-Security-Policy"))
                .contains(
                        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
        assertThat(login.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(login.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(login.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(login.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(login.headers().firstValue("Server")).isEmpty();
        String cookie = login.headers().allValues("Set-Cookie").get(0);
        assertThat(cookie)
                .contains("HttpOnly")
                .contains("SameSite=Strict")
                .contains("Path=/")
                .doesNotContain("Secure");
        assertThat(login.body()).doesNotContain("<script").doesNotContain(" style=");

        b.signIn("rep", PASSWORD);
        HttpResponse<String> form = b.get("/users/password?u=alice");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("type=\"password\"");
        assertThat(form.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(form.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("frame-ancestors 'none'");
    }

    @Test
    void the_session_id_changes_at_sign_in_and_the_old_one_is_void() {
        HttpClientSession b = browser();
        b.get("/login");
        String before = b.cookie;
        HttpResponse<String> signedIn = b.submit("/login", Map.of("username", "rep", "password", PASSWORD));
        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(signedIn.headers().firstValue("Location")).contains("/users");
        assertThat(b.cookie).isNotNull().isNotEqualTo(before);
        assertThat(b.get("/users").statusCode()).isEqualTo(200);

        HttpClientSession thief = browser();
        thief.cookie = before;
        HttpResponse<String> stolen = thief.get("/users");
        assertThat(stolen.statusCode()).isEqualTo(303);
        assertThat(stolen.headers().firstValue("Location")).contains("/login");
    }

    @Test
    void a_state_change_without_or_with_a_wrong_csrf_token_is_refused_and_changes_nothing() {
        HttpClientSession b = browser();
        b.signIn("rep", PASSWORD);
        String foreign = csrfOfAnotherSession();
        b.get("/users?q=alice");
        InMemoryDatabase.State before = f.stateWithoutAudit();

        HttpResponse<String> without = b.post("/users/reset", Map.of("u", "alice"));
        HttpResponse<String> wrong = b.post("/users/reset", Map.of("u", "alice", "csrf", "x".repeat(43)));
        HttpResponse<String> otherSession = b.post("/users/reset", Map.of("u", "alice", "csrf", foreign));
        HttpResponse<String> passwordWithoutToken =
                b.post("/users/password", setAlicePassword("violet lanterns drift east", Map.of()));

        for (HttpResponse<String> refused : java.util.List.of(without, wrong, otherSession, passwordWithoutToken)) {
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.body()).contains("nothing was changed");
        }
        assertThat(f.stateWithoutAudit()).isEqualTo(before);
        assertThat(f.user("alice").failedLogins()).isEqualTo(3);

        b.get("/users?q=alice");
        HttpResponse<String> right = b.submit("/users/reset", Map.of("u", "alice", "q", "alice"));
        assertThat(right.statusCode()).isEqualTo(303);
        assertThat(f.user("alice").failedLogins()).isZero();
    }

    private String csrfOfAnotherSession() {
        HttpClientSession other = browser();
        other.signIn("admin", PASSWORD);
        other.get("/users");
        return other.csrf();
    }

    @Test
    void a_post_with_a_query_string_is_refused_so_passwords_never_travel_in_urls() {
        HttpClientSession b = browser();
        b.signIn("rep", PASSWORD);
        b.get("/users/password?u=alice");
        InMemoryDatabase.State before = f.stateWithoutAudit();
        HttpResponse<String> response = b.post(
                "/users/password?newPassword=violet+lanterns+drift+east",
                Map.of(
                        "csrf",
                        b.csrf(),
                        "u",
                        "alice",
                        "confirmPassword",
                        "violet lanterns drift east",
                        "action",
                        "set"));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(f.stateWithoutAudit()).isEqualTo(before);
        assertThat(b.get("/users/password?u=alice").body())
                .contains("method=\"post\"")
                .doesNotContain("method=\"get\" action=\"/users/password");
    }

    @Test
    void a_sign_in_without_a_session_token_is_refused_and_counts_nothing() {
        HttpClientSession b = browser();
        HttpResponse<String> response = b.post("/login", Map.of("username", "alice", "password", "wrong wrong wrong"));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(f.user("alice").failedLogins()).isEqualTo(3);
    }

    @Test
    void wrong_passwords_of_unknown_disabled_and_locked_users_get_one_answer_and_go_through_the_lockout() {
        f.given(aUser().named("gone").disabled());
        f.given(aUser().named("shut")
                .locked(TestClock.START.minusSeconds(5), null)
                .failedLogins(10));
        String answer = null;
        for (String user : new String[] {"nobody", "gone", "shut", "alice"}) {
            HttpClientSession b = browser();
            HttpResponse<String> response = b.signIn(user, "not the password at all");
            assertThat(response.statusCode()).as(user).isEqualTo(401);
            String body = response.body()
                    .replace("value=\"" + user + "\"", "value=\"\"")
                    .replaceAll("name=\"csrf\" value=\"[^\"]+\"", "");
            if (answer == null) {
                answer = body;
            }
            assertThat(body).as(user).isEqualTo(answer).contains("The username or password is incorrect.");
        }
        assertThat(f.user("alice").failedLogins()).isEqualTo(4);
        // a locked user with the right password is told nothing more either
        assertThat(browser().signIn("shut", PASSWORD).body()).contains("The username or password is incorrect.");
    }

    @Test
    void a_user_who_must_change_reaches_nothing_but_the_change() {
        HttpClientSession b = browser();
        HttpResponse<String> signedIn = b.signIn("temp", PASSWORD);
        assertThat(signedIn.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/account"));
        for (String page : new String[] {"/users", "/users/password?u=alice", "/policy", "/audit", "/mail"}) {
            HttpResponse<String> response = b.get(page);
            assertThat(response.statusCode()).as(page).isEqualTo(303);
            assertThat(response.headers().firstValue("Location"))
                    .as(page)
                    .hasValueSatisfying(l -> assertThat(l).endsWith("/account"));
        }
        HttpResponse<String> account = b.get("/account");
        assertThat(account.body()).contains("You must change your password");
        HttpResponse<String> changed = b.submit(
                "/account",
                Map.of(
                        "currentPassword",
                        PASSWORD,
                        "newPassword",
                        "violet lanterns drift east",
                        "confirmPassword",
                        "violet lanterns drift east"));
        assertThat(changed.statusCode()).isEqualTo(303);
        assertThat(f.user("temp").mustChangePassword()).isFalse();
        assertThat(b.get("/account").body()).contains("Your password was changed.");
    }

    @Test
    void an_expired_password_forces_the_change_and_an_expired_temporary_password_is_told_apart() {
        f.policy(dev.locksmith.core.domain.PasswordPolicy.builder()
                .maxAge(Duration.ofDays(90))
                .build());
        f.given(aUser().named("old").passwordChangedAt(TestClock.START.minus(Duration.ofDays(91))));
        f.given(aUser().named("late").mustChangePassword().temporaryPasswordUntil(TestClock.START.minusSeconds(1)));

        HttpClientSession old = browser();
        HttpResponse<String> expired = old.signIn("old", PASSWORD);
        assertThat(expired.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/account"));
        assertThat(old.get("/users").headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/account"));
        assertThat(old.get("/account").body()).contains("Your password has expired.");

        HttpClientSession late = browser();
        HttpResponse<String> refused = late.signIn("late", PASSWORD);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("Your temporary password has expired.");
        assertThat(late.get("/account").statusCode()).isEqualTo(303);
    }

    @Test
    void sessions_end_after_the_idle_timeout_and_after_the_absolute_timeout() {
        HttpClientSession b = browser();
        b.signIn("rep", PASSWORD);
        f.clock().advance(ConsoleSettings.DEFAULT_IDLE_TIMEOUT.minusSeconds(1));
        assertThat(b.get("/users").statusCode()).isEqualTo(200);
        f.clock().advance(ConsoleSettings.DEFAULT_IDLE_TIMEOUT);
        assertThat(b.get("/users").statusCode()).isEqualTo(303);

        HttpClientSession busy = browser();
        busy.signIn("rep", PASSWORD);
        Duration used = Duration.ZERO;
        while (used.plusMinutes(10).compareTo(ConsoleSettings.DEFAULT_ABSOLUTE_TIMEOUT) < 0) {
            f.clock().advance(Duration.ofMinutes(10));
            used = used.plusMinutes(10);
            assertThat(busy.get("/users").statusCode()).isEqualTo(200);
        }
        f.clock().advance(Duration.ofMinutes(10));
        assertThat(busy.get("/users").statusCode()).isEqualTo(303);
    }

    @Test
    void text_from_the_store_is_escaped() {
        f.given(aUser().named("mallory")
                .displayNames("<script>alert(1)</script>", "\"><img src=x onerror=alert(2)>")
                .comments("<b>bold</b>"));
        HttpClientSession b = browser();
        b.signIn("admin", PASSWORD);
        String users = b.get("/users?q=mallory").body();
        assertThat(users)
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script>")
                .doesNotContain("<img src=x");
        String form = b.get("/users/password?u=mallory").body();
        assertThat(form).contains("&lt;b&gt;bold&lt;/b&gt;").doesNotContain("<b>bold");
    }

    @Test
    void passwords_reach_no_log_record_whatever_the_outcome() {
        java.util.List<java.util.logging.LogRecord> records = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        java.util.logging.Level level = root.getLevel();
        root.setLevel(java.util.logging.Level.ALL);
        capture.setLevel(java.util.logging.Level.ALL);
        root.addHandler(capture);
        try {
            browser().signIn("alice", "guessed wrong secret");
            HttpClientSession rep = browser();
            rep.signIn("rep", PASSWORD);
            rep.get("/users/password?u=alice");
            rep.submit("/users/password", setAlicePassword("short secret", Map.of()));
            rep.get("/users/password?u=alice");
            rep.submit(
                    "/users/password", setAlicePassword("violet lanterns drift east", Map.of("emailPassword", "on")));
            rep.get("/users/password?u=alice");
            rep.submit("/users/reset-link", Map.of("u", "alice"));
        } finally {
            root.removeHandler(capture);
            root.setLevel(level);
        }
        String link = f.mailer().resetLinks().get(0).link();
        String token = link.substring(link.indexOf("token=") + 6);
        for (java.util.logging.LogRecord record : records) {
            String text = record.getMessage() + " " + java.util.Arrays.toString(record.getParameters()) + " "
                    + record.getThrown();
            for (String secret :
                    new String[] {"guessed wrong secret", PASSWORD, "short secret", "violet lanterns", token}) {
                assertThat(text).doesNotContain(secret);
            }
        }
    }

    @Test
    void sign_out_ends_the_session() {
        HttpClientSession b = browser();
        b.signIn("rep", PASSWORD);
        String session = b.cookie;
        b.get("/users");
        assertThat(b.submit("/logout", Map.of()).statusCode()).isEqualTo(303);
        HttpClientSession again = browser();
        again.cookie = session;
        assertThat(again.get("/users").statusCode()).isEqualTo(303);
    }
}
