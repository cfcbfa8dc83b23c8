package dev.locksmith.core.usecase;

import static dev.locksmith.core.testing.LocksmithFixture.name;
import static dev.locksmith.core.testing.TestUsers.aUser;
import static org.assertj.core.api.Assertions.assertThat;

import dev.locksmith.core.Locksmith;
import dev.locksmith.core.domain.LocksmithException;
import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.PasswordHash;
import dev.locksmith.core.domain.Permission;
import dev.locksmith.core.domain.Profile;
import dev.locksmith.core.port.AuditTrail;
import dev.locksmith.core.testing.FakePasswordHasher;
import dev.locksmith.core.testing.LocksmithFixture;
import dev.locksmith.core.testing.TestUsers;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A plaintext password never appears in any log record (at any level), exception message or parameter,
 * {@code toString()} of a command or result, audit event, or stored value produced by the use cases, on
 * success and on every kind of failure. Only the "new password" email body carries one, by design.
 */
class PasswordLeakTest {
    private final List<String> secrets = new ArrayList<>();
    private final List<String> seen = new ArrayList<>();

    private Password secret(String text) {
        secrets.add(text);
        return Password.of(text);
    }

    /** Runs a use case, keeping the text of its command, result or exception. */
    private void attempt(Object command, Supplier<Object> run) {
        seen.add(String.valueOf(command));
        try {
            seen.add(String.valueOf(run.get()));
        } catch (LocksmithException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                seen.add(t.toString());
                seen.add(String.valueOf(t.getMessage()));
                for (Throwable s : t.getSuppressed()) {
                    seen.add(s.toString());
                }
            }
            seen.add(e.parameters().toString());
        }
    }

    private void attemptVoid(Object command, Runnable run) {
        attempt(command, () -> {
            run.run();
            return "done";
        });
    }

    private void setPassword(
            Locksmith l, String actor, String target, Password password, boolean emailPassword, boolean mustChange) {
        SetPassword.Command command =
                new SetPassword.Command(name(actor), name(target), password, emailPassword, mustChange);
        attempt(command, () -> l.setPassword().execute(command));
    }

    private void changeOwnPassword(Locksmith l, String user, String current, String next) {
        ChangeOwnPassword.Command command = new ChangeOwnPassword.Command(name(user), secret(current), secret(next));
        attemptVoid(command, () -> l.changeOwnPassword().execute(command));
    }

    private void authenticate(Locksmith l, String user, String password) {
        Authenticate.Command command = new Authenticate.Command(name(user), secret(password));
        attempt(command, () -> l.authenticate().execute(command));
    }

    @Test
    void no_plaintext_password_escapes_anywhere() {
        LocksmithFixture f = LocksmithFixture.create(b -> b.notifyPasswordChanges(true));
        PasswordHash weak;
        try (Password p = Password.of(TestUsers.DEFAULT_PASSWORD)) {
            weak = new FakePasswordHasher(8).hash(p);
        }
        f.given(aUser().named("admin").administrator().email("admin@example.com"));
        f.given(aUser().named("rep").privileged());
        f.given(aUser().named("alice").email("alice@example.com").passwordHash(weak));
        f.given(aUser().named("bob"));
        f.policy(p -> p.historySize(3).minStrength(2).bannedWords(Set.of("acme")));
        Locksmith l = f.locksmith();
        secrets.add(TestUsers.DEFAULT_PASSWORD);

        try (CapturedLogs logs = new CapturedLogs()) {
            // successes: set (mailed and not), change own, login with rehash, create
            setPassword(l, "rep", "alice", secret("Zebra-Quartz-Marmalade-42"), true, true);
            changeOwnPassword(l, "alice", "Zebra-Quartz-Marmalade-42", "Orchid Tundra Falcon 77");
            authenticate(l, "alice", "Orchid Tundra Falcon 77");
            authenticate(l, "admin", TestUsers.DEFAULT_PASSWORD); // rehashes the weak hash
            CreateUser.Command create = new CreateUser.Command(
                    name("admin"),
                    name("carol"),
                    Profile.named("Carol"),
                    Set.of(Permission.SET_PASSWORDS),
                    secret("Velvet Cactus Harbor 58"),
                    true);
            attemptVoid(create, () -> l.createUser().execute(create));
            Password generated =
                    l.generateTemporaryPassword().execute(GenerateTemporaryPassword.Command.of(name("rep")));
            char[] generatedChars = generated.toCharArray();
            secrets.add(new String(generatedChars));
            setPassword(l, "rep", "bob", generated, false, true);

            // refusals and failures of every kind
            setPassword(l, "rep", "alice", secret("acme-alice9"), false, false); // weak
            setPassword(l, "rep", "alice", secret("Zebra-Quartz-Marmalade-42"), false, false); // reused
            setPassword(l, "rep", "admin", secret("Denied Lantern Meadow 31"), false, false); // denied
            changeOwnPassword(l, "alice", "Wrong-Guess-Xylophone-1", "Never Stored Walrus 64"); // wrong current
            authenticate(l, "alice", "Wrong-Guess-Xylophone-2"); // wrong password
            authenticate(l, "nobody", "Unknown User Pass 99"); // unknown user
            f.mailer().failDelivery(true);
            setPassword(l, "admin", "alice", secret("Undelivered Kettle Song 12"), true, true); // undelivered
            changeOwnPassword(l, "admin", TestUsers.DEFAULT_PASSWORD, "Notice Fails Gazebo 88"); // notice fails
            attempt(
                    "audit",
                    () -> l.readAuditTrail()
                            .execute(new ReadAuditTrail.Command(name("admin"), AuditTrail.Query.latest(1000))));

            seen.addAll(logs.texts());
            assertThat(logs.records())
                    .as("the scenario logs something, so the capture is live")
                    .isNotEmpty();
        }
        seen.add(f.auditEvents().toString());
        seen.add(f.database().state().toString());
        seen.add(f.mailer().passwordChangedNotices().toString());
        seen.add(f.mailer().newPasswords().toString());

        assertThat(f.auditEvents()).hasSizeGreaterThan(15);
        String everything = String.join("\n", seen);
        for (String secret : secrets) {
            assertThat(everything).as("leaked a password").doesNotContain(secret);
        }
        // the one place a password must go: the body of the email the administrator asked for
        assertThat(f.mailer().newPasswords())
                .extracting(m -> m.password())
                .containsExactly("Zebra-Quartz-Marmalade-42");
    }
}
