package dev.locksmith.core.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locksmith.core.Locksmith;
import dev.locksmith.core.domain.EmailAddress;
import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.PasswordHash;
import dev.locksmith.core.domain.Permission;
import dev.locksmith.core.domain.Profile;
import dev.locksmith.core.domain.User;
import dev.locksmith.core.domain.Username;
import dev.locksmith.core.testing.FakePasswordHasher;
import dev.locksmith.core.testing.InMemoryBlocklist;
import dev.locksmith.core.testing.InMemoryStores;
import dev.locksmith.core.testing.InMemoryUserAccounts;
import dev.locksmith.core.testing.RecordingMailer;
import dev.locksmith.core.usecase.Authenticate;
import dev.locksmith.core.usecase.AuthenticationOutcome;
import dev.locksmith.core.usecase.BootstrapAdministrator;
import dev.locksmith.core.usecase.CreateUser;
import dev.locksmith.core.usecase.SetPassword;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The README's quick start, compiled and run. The lines between the markers below must appear, verbatim
 * and in order, in README.md's quick-start code block; the second test fails when they drift apart.
 */
class ReadmeQuickStartTest {
    private static final String START = "// README quick start: begin";
    private static final String END = "// README quick start: end";

    @Test
    void the_quick_start_runs() {
        // README quick start: begin
        // The in-memory stores of the testing artifact; a host passes a JdbiStore (adapters-jdbc) instead.
        InMemoryStores stores = InMemoryStores.create();
        FakePasswordHasher hasher = new FakePasswordHasher();
        RecordingMailer mailer = new RecordingMailer();
        Locksmith locksmith = Locksmith.builder()
                .store(stores)
                .passwordHasher(hasher)
                .blocklist(InMemoryBlocklist.common())
                .mailer(mailer)
                .build();

        // The first administrator of an empty store (denied once an enabled administrator exists).
        Username admin = Username.of("admin");
        locksmith
                .bootstrapAdministrator()
                .execute(new BootstrapAdministrator.Command(
                        admin, Profile.named("Appliance Admin"), Password.of("copper kettles sing at noon")));

        // Importing existing accounts: their hashes as another system made them (bcrypt, Argon2 PHC strings)
        // go straight into the store; each is replaced by the configured hash at the user's first login.
        InMemoryUserAccounts users = stores.userAccounts();
        users.add(User.newLocal(
                Username.of("carol"),
                Profile.named("Carol Imported"),
                Set.of(),
                new PasswordHash("$2y$10$.vGA1O9wmRjrwAVXD98HNOgsNpDczlqm3Jq7KnEd1rVAGv3Fykk1a"),
                Instant.parse("2024-01-31T09:00:00Z"),
                false,
                Optional.empty()));

        // The administrator delegates "set passwords" to a help-desk representative...
        Username rep = Username.of("rep");
        locksmith
                .createUser()
                .execute(CreateUser.Command.of(
                        admin,
                        rep,
                        Profile.named("Help Desk"),
                        Set.of(Permission.SET_PASSWORDS),
                        Password.of("quiet harbor at dawn")));
        Username alice = Username.of("alice");
        locksmith
                .createUser()
                .execute(CreateUser.Command.of(
                        admin,
                        alice,
                        Profile.named("Alice Liddell").withEmail(EmailAddress.of("alice@example.com")),
                        Set.of(),
                        Password.of("forgotten long ago")));

        // ...who sets Alice's password and emails it to her (which forces a change at next login).
        SetPassword.Result result = locksmith
                .setPassword()
                .execute(SetPassword.Command.of(
                        rep, alice, Password.of("violet lanterns drift east"), SetPassword.Option.EMAIL_PASSWORD));

        // Alice logs in with it: the password is right, but she may do nothing before choosing her own.
        AuthenticationOutcome outcome = locksmith
                .authenticate()
                .execute(new Authenticate.Command(alice, Password.of("violet lanterns drift east")));
        boolean sessionMayOpen = outcome.loggedIn(); // false
        boolean mustChangeFirst = outcome.passwordChangeRequired(); // true
        // README quick start: end

        assertThat(result.emailed()).isTrue();
        assertThat(result.mustChangePassword()).isTrue();
        assertThat(mailer.newPasswords())
                .singleElement()
                .satisfies(m -> assertThat(m.to().value()).isEqualTo("alice@example.com"));
        assertThat(outcome).isEqualTo(new AuthenticationOutcome.MustChangePassword(alice));
        assertThat(sessionMayOpen).isFalse();
        assertThat(mustChangeFirst).isTrue();
        assertThat(users.find(Username.of("carol"))).isPresent();
        assertThat(users.find(admin))
                .hasValueSatisfying(u -> assertThat(u.isAdministrator()).isTrue());
    }

    @Test
    void the_readme_shows_exactly_this_code() throws IOException {
        List<String> test = between(Files.readAllLines(source(), StandardCharsets.UTF_8));
        List<String> readme = Files.readAllLines(root().resolve("README.md"), StandardCharsets.UTF_8).stream()
                .map(String::strip)
                .toList();
        int at = indexOf(readme, test);
        assertThat(at)
                .as("README.md must contain the quick start of %s verbatim (modulo indentation)", source())
                .isNotNegative();
    }

    private static List<String> between(List<String> lines) {
        int start = -1;
        int end = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.equals(START)) {
                start = i;
            } else if (line.equals(END)) {
                end = i;
            }
        }
        assertThat(start).isNotNegative();
        assertThat(end).isGreaterThan(start + 10);
        return lines.subList(start + 1, end).stream().map(String::strip).toList();
    }

    private static int indexOf(List<String> haystack, List<String> needle) {
        outer:
        for (int i = 0; i + needle.size() <= haystack.size(); i++) {
            for (int j = 0; j < needle.size(); j++) {
                if (!haystack.get(i + j).equals(needle.get(j))) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** The repository root: the directory above the module (tests run with the module as working directory). */
    private static Path root() {
        Path here = Path.of("").toAbsolutePath();
        return Files.exists(here.resolve("README.md")) && !Files.exists(here.resolve("src")) ? here : here.getParent();
    }

    private static Path source() {
        return Path.of("")
                .toAbsolutePath()
                .resolve("src/test/java/dev/locksmith/core/readme/ReadmeQuickStartTest.java");
    }
}
