package com.example.host;

import dev.locksmith.core.Locksmith;
import dev.locksmith.core.domain.EmailAddress;
import dev.locksmith.core.domain.LocksmithException;
import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.PasswordHash;
import dev.locksmith.core.domain.Permission;
import dev.locksmith.core.domain.Profile;
import dev.locksmith.core.domain.Reason;
import dev.locksmith.core.domain.User;
import dev.locksmith.core.domain.Username;
import dev.locksmith.core.usecase.AuthenticationOutcome;
import dev.locksmith.core.usecase.Authenticate;
import dev.locksmith.core.usecase.BootstrapAdministrator;
import dev.locksmith.core.usecase.ChangeOwnPassword;
import dev.locksmith.core.usecase.CreateUser;
import dev.locksmith.core.usecase.SearchUsers;
import dev.locksmith.core.usecase.SetPassword;
import dev.locksmith.crypto.Argon2PasswordHasher;
import dev.locksmith.jdbc.JdbiStore;
import dev.locksmith.ldap.LdifSecurityProviders;
import dev.locksmith.ldap.ProviderKind;
import dev.locksmith.ldap.LdifProvider;
import dev.locksmith.screening.BloomFilterBlocklist;
import dev.locksmith.smtp.SmtpMailer;
import dev.locksmith.smtp.SmtpSettings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A host appliance wiring Locksmith's adapters in plain Java (no framework) and running the product's short
 * story. Returns what happened, one line a step, so its test can check it.
 */
public final class Appliance {
    private Appliance() {
    }

    /** Runs the story on a fresh store in {@code folder}. */
    public static List<String> story(Path folder) throws IOException {
        List<String> log = new ArrayList<>();
        Path ldif = Files.writeString(folder.resolve("directory.ldif"), """
                dn: uid=dave,ou=people,dc=example,dc=com
                objectClass: inetOrgPerson
                uid: dave
                cn: Dave Brennan
                sn: Brennan
                """);
        try (JdbiStore store = JdbiStore.embedded(folder.resolve("locksmith"));
             LdifSecurityProviders providers = LdifSecurityProviders.builder()
                     .provider(LdifProvider.builder("corp-ldap", ProviderKind.LDAP).ldif(ldif).build())
                     .build()) {
            Locksmith locksmith = Locksmith.builder()
                    .store(store)
                    .passwordHasher(new Argon2PasswordHasher())
                    .blocklist(BloomFilterBlocklist.ofCommonPasswords())
                    .securityProviders(providers)
                    // A relay on the appliance itself; nothing is mailed in this story.
                    .mailer(new SmtpMailer(SmtpSettings.builder()
                            .host("localhost").port(25).encryption(SmtpSettings.Encryption.NONE)
                            .plaintextToTrustedLocalRelay(true)
                            .fromAddress("appliance@example.com")
                            .loginUrl("https://appliance.example.com/login")
                            .build()))
                    .build();

            Username admin = Username.of("admin");
            locksmith.bootstrapAdministrator().execute(new BootstrapAdministrator.Command(admin,
                    Profile.named("Appliance Admin"), Password.of("copper kettles sing at noon")));
            log.add("bootstrapped admin");

            // Existing accounts come with the hashes another system made: imported as they are.
            store.userAccounts().add(User.newLocal(Username.of("carol"), Profile.named("Carol Imported"), Set.of(),
                    new PasswordHash("$2y$10$.vGA1O9wmRjrwAVXD98HNOgsNpDczlqm3Jq7KnEd1rVAGv3Fykk1a"),
                    Instant.parse("2024-01-31T09:00:00Z"), false, Optional.empty()));
            log.add("imported carol");

            Username rep = Username.of("rep");
            locksmith.createUser().execute(CreateUser.Command.of(admin, rep, Profile.named("Help Desk"),
                    Set.of(Permission.SET_PASSWORDS), Password.of("quiet harbor at dawn")));
            Username alice = Username.of("alice");
            locksmith.createUser().execute(CreateUser.Command.of(admin, alice,
                    Profile.named("Alice Liddell").withEmail(EmailAddress.of("alice@example.com")), Set.of(),
                    Password.of("forgotten long ago")));
            log.add("created rep and alice");

            locksmith.setPassword().execute(SetPassword.Command.of(rep, alice, Password.of("violet lanterns drift east"),
                    SetPassword.Option.MUST_CHANGE));
            AuthenticationOutcome first = locksmith.authenticate().execute(
                    new Authenticate.Command(alice, Password.of("violet lanterns drift east")));
            log.add("alice: " + (first.passwordChangeRequired() ? "must change" : first.toString()));
            locksmith.changeOwnPassword().execute(new ChangeOwnPassword.Command(alice,
                    Password.of("violet lanterns drift east"), Password.of("my own amber meadow")));
            AuthenticationOutcome second = locksmith.authenticate().execute(
                    new Authenticate.Command(alice, Password.of("my own amber meadow")));
            log.add("alice: " + (second.loggedIn() ? "logged in" : second.toString()));

            try {
                locksmith.setPassword().execute(SetPassword.Command.of(rep, admin, Password.of("a takeover attempt here")));
                log.add("rep set admin's password");
            } catch (LocksmithException e) {
                log.add("rep on admin: " + e.reason());
            }
            AuthenticationOutcome dave = locksmith.authenticate().execute(
                    new Authenticate.Command(Username.of("dave"), Password.of("anything")));
            log.add("dave: " + dave);

            SearchUsers.Result page = locksmith.searchUsers().execute(
                    SearchUsers.Command.of(rep, "", Optional.empty(), 10));
            log.add("rep sees " + page.page().items().size() + " users, view " + page.view());
            if (page.page().items().stream().anyMatch(r -> r.details().isPresent())) {
                throw new IllegalStateException("a privileged user saw the full view");
            }
            return log;
        } catch (LocksmithException e) {
            if (e.reason() == Reason.UNAVAILABLE) {
                throw new IllegalStateException("store unavailable", e);
            }
            throw e;
        }
    }

    /** Runs the story in a temporary folder and prints it. */
    public static void main(String[] args) throws IOException {
        Path folder = Files.createTempDirectory("appliance");
        story(folder).forEach(System.out::println);
    }
}
