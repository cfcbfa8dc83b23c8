package dev.locksmith.cli;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.locksmith.core.Locksmith;
import dev.locksmith.core.domain.AccessDeniedException;
import dev.locksmith.core.domain.AuditRecord;
import dev.locksmith.core.domain.EmailAddress;
import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.PasswordPolicy;
import dev.locksmith.core.domain.Permission;
import dev.locksmith.core.domain.PolicyViolation;
import dev.locksmith.core.domain.PolicyViolationException;
import dev.locksmith.core.domain.Profile;
import dev.locksmith.core.domain.Reason;
import dev.locksmith.core.domain.Source;
import dev.locksmith.core.domain.UnavailableException;
import dev.locksmith.core.domain.Username;
import dev.locksmith.core.port.AuditTrail;
import dev.locksmith.core.usecase.Authenticate;
import dev.locksmith.core.usecase.AuthenticationOutcome;
import dev.locksmith.core.usecase.BootstrapAdministrator;
import dev.locksmith.core.usecase.ChangeOwnPassword;
import dev.locksmith.core.usecase.ChangePolicy;
import dev.locksmith.core.usecase.CreateUser;
import dev.locksmith.core.usecase.EditUser;
import dev.locksmith.core.usecase.GenerateTemporaryPassword;
import dev.locksmith.core.usecase.OpenChangePasswordForm;
import dev.locksmith.core.usecase.ReadAuditTrail;
import dev.locksmith.core.usecase.RegisterProviderUser;
import dev.locksmith.core.usecase.ResetFailedLogins;
import dev.locksmith.core.usecase.SearchUsers;
import dev.locksmith.core.usecase.SetPassword;
import dev.locksmith.ldap.ProviderKind;
import dev.locksmith.smtp.SmtpSettings;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The product's story, played on the real adapters and printed step by step: a fresh H2 database in a
 * folder, Argon2id, the screening adapters, an in-process SMTP server (GreenMail on a free loopback port)
 * and a directory provider read from an LDIF file. An administrator delegates "set passwords" to a
 * help-desk representative, who searches, unlocks a locked user, emails a user a new password, is refused
 * on an administrator, a directory user and a weak password; the user logs in, must change the password,
 * and does. Each step checks its own outcome: a step that does not end as the story says stops the demo
 * with an exception. One run per instance; not thread-safe.
 */
final class Demo {
    static final String PROVIDER = "corp-ldap";
    static final String ADMIN_PASSWORD = "amber lighthouse keeps watch";
    static final String REP_PASSWORD = "quiet harbor at dawn";
    static final String ALICE_PASSWORD = "forgotten long ago";
    static final String BOB_PASSWORD = "granite river slowly bends";
    static final String WEAK_PASSWORD = "acme-alice";
    static final String ALICE_NEW_PASSWORD = "violet lanterns drift east";

    private static final Username ADMIN = Username.of("admin");
    private static final Username REP = Username.of("rep");
    private static final Username ALICE = Username.of("alice");
    private static final Username BOB = Username.of("bob");
    private static final Username DAVE = Username.of("dave");
    private static final String LDIF = """
            version: 1

            # The corporate directory: these users' passwords live there, never in the appliance.
            dn: uid=dave,ou=people,dc=corp,dc=example
            objectClass: inetOrgPerson
            uid: dave
            cn: Dave Brennan
            sn: Brennan
            mail: dave@corp.example
            """;

    private static final String INDENT = "    ";
    /** Columns of the widest line printed. */
    static final int WIDTH = 100;

    private final PrintWriter out;
    private final Adapters adapters;
    private final Path folder;
    private final List<dev.locksmith.directory.LdapProviderSettings> directories;
    private int step;

    /**
     * @param out where the story is printed
     * @param adapters the hasher and screening adapters
     * @param folder an empty folder for the database and the directory file; left in place
     */
    Demo(PrintWriter out, Adapters adapters, Path folder) {
        this(out, adapters, folder, List.of());
    }

    /**
     * @param directories live directory providers (the global {@code --ldap} option), consulted after the demo's
     *     LDIF provider: the story then runs with them wired in, as an appliance would (a directory that claims
     *     one of the story's local users makes that step end otherwise, and the demo says which)
     */
    Demo(
            PrintWriter out,
            Adapters adapters,
            Path folder,
            List<dev.locksmith.directory.LdapProviderSettings> directories) {
        this.out = Objects.requireNonNull(out, "out");
        this.adapters = Objects.requireNonNull(adapters, "adapters");
        this.folder = Objects.requireNonNull(folder, "folder");
        this.directories = List.copyOf(directories);
    }

    /** What each step ended with, for a reader (or a test) to check. */
    record Report(
            SearchUsers.Result representativeView,
            List<AuthenticationOutcome> bobsFailedAttempts,
            AuthenticationOutcome bobLocked,
            AuthenticationOutcome bobAfterReset,
            OpenChangePasswordForm.Result aliceForm,
            SetPassword.Result aliceSet,
            Email email,
            Reason administratorRefusal,
            Reason directoryUserRefusal,
            List<PolicyViolation> weakPasswordViolations,
            AuthenticationOutcome aliceWithEmailedPassword,
            AuthenticationOutcome aliceWithOwnPassword,
            List<AuditRecord> auditTrail) {}

    /** A message as the SMTP server received it. */
    record Email(List<String> headerLines, String subject, List<String> recipients, String body) {}

    /**
     * Plays the story.
     *
     * @throws IllegalStateException when a step does not end as the story says
     * @throws dev.locksmith.core.domain.LocksmithException when an adapter fails (database, mail server)
     */
    Report run() {
        Path ldif = ldif(folder);
        try {
            Wiring.createPrivateFolder(folder);
            Files.writeString(ldif, LDIF, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UnavailableException("cannot write the demo's directory file in " + folder, e);
        }
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        try {
            int port = smtp.getSmtp().getPort();
            SmtpSettings mail = SmtpSettings.builder()
                    .fromAddress("locksmith@appliance.example")
                    .fromName("Appliance")
                    .host("127.0.0.1")
                    .port(port)
                    .encryption(SmtpSettings.Encryption.NONE)
                    .plaintextToTrustedLocalRelay(true)
                    .heloName("appliance.example")
                    .timeouts(Duration.ofSeconds(10))
                    .loginUrl("https://appliance.example/login")
                    .build();
            Wiring.Settings settings = new Wiring.Settings(
                    Wiring.Store.Embedded.creating(folder),
                    new MailConfig(Optional.of(mail), false),
                    List.of(new ProviderSpec(PROVIDER, ProviderKind.LDAP, ldif)),
                    directories,
                    Clock.systemUTC());
            heading("Locksmith demo: delegated password administration, end to end");
            out.println("Everything here is real: an H2 database, Argon2id hashing, the common-password blocklist");
            out.println(
                    "and strength estimator, an SMTP server (GreenMail) on 127.0.0.1:" + port + ", and a directory");
            out.println("provider, " + PROVIDER + ", read from an LDIF file that holds dave. The store is in:");
            say(folder.toAbsolutePath().toString());
            if (!directories.isEmpty()) {
                out.println("Live directory providers, consulted after " + PROVIDER + ": "
                        + String.join(
                                ", ",
                                directories.stream()
                                        .map(dev.locksmith.directory.LdapProviderSettings::name)
                                        .toList())
                        + ".");
            }
            try (Session session = Wiring.open(settings, adapters)) {
                return story(session.locksmith(), smtp);
            }
        } finally {
            smtp.stop();
            out.flush();
        }
    }

    private Report story(Locksmith l, GreenMail smtp) {
        step("The appliance is installed: its first administrator, admin, is created on the empty store.");
        l.bootstrapAdministrator()
                .execute(new BootstrapAdministrator.Command(
                        ADMIN,
                        Profile.named("Ada Admin").withEmail(EmailAddress.of("admin@example.com")),
                        Password.of(ADMIN_PASSWORD)));
        result("admin holds: administrator");

        step(
                "admin sets the password policy: the NIST-aligned default, plus a minimum strength of 3, the banned "
                        + "word \"acme\" (the company's name), and a lock after 3 failed logins that lasts until someone resets it.");
        PasswordPolicy policy = PasswordPolicy.builder()
                .minStrength(3)
                .bannedWords(Set.of("acme"))
                .lockoutThreshold(3)
                .lockoutDuration(null)
                .build();
        l.changePolicy().execute(new ChangePolicy.Command(ADMIN, policy));
        Describe.policy(policy, INDENT).forEach(out::println);

        step("admin creates the accounts: rep (help desk), alice and bob, and registers dave, a user of the " + PROVIDER
                + " directory.");
        l.createUser()
                .execute(new CreateUser.Command(
                        ADMIN,
                        REP,
                        new Profile(
                                "Robin Reyes",
                                "Robin (desk)",
                                Optional.of(EmailAddress.of("rep@example.com")),
                                "help desk, first line"),
                        Set.of(),
                        Password.of(REP_PASSWORD),
                        false));
        l.createUser()
                .execute(new CreateUser.Command(
                        ADMIN,
                        ALICE,
                        new Profile(
                                "Alice Liddell",
                                "Alice (sales)",
                                Optional.of(EmailAddress.of("alice@example.com")),
                                ""),
                        Set.of(),
                        Password.of(ALICE_PASSWORD),
                        false));
        l.createUser()
                .execute(new CreateUser.Command(
                        ADMIN,
                        BOB,
                        new Profile("Bob Stone", "Bob (support)", Optional.of(EmailAddress.of("bob@example.com")), ""),
                        Set.of(),
                        Password.of(BOB_PASSWORD),
                        false));
        l.registerProviderUser()
                .execute(new RegisterProviderUser.Command(
                        ADMIN,
                        DAVE,
                        new Source.Provider(PROVIDER),
                        new Profile(
                                "Dave Brennan", "Dave (R&D)", Optional.of(EmailAddress.of("dave@corp.example")), "")));
        result("created rep, alice and bob; registered dave (password managed by " + PROVIDER + ")");

        step("admin delegates \"set passwords\" to rep, without making rep an administrator.");
        l.editUser().execute(EditUser.Command.permissions(ADMIN, REP, Set.of(Permission.SET_PASSWORDS)));
        result("rep holds: set-passwords");

        step("bob mistypes his password three times. Each is a wrong password, counted and audited; the third "
                + "also locks his account (ACCOUNT_LOCKED in the audit trail). A locked account answers like a wrong "
                + "password whatever is typed, so the lock tells a guesser nothing: even the right one is REJECTED.");
        List<AuthenticationOutcome> failures = new ArrayList<>();
        for (int attempt = 1; attempt <= 3; attempt++) {
            AuthenticationOutcome outcome = login(l, BOB, "granite river " + attempt);
            expect(outcome instanceof AuthenticationOutcome.Rejected, "a wrong password is rejected", outcome);
            failures.add(outcome);
            say("attempt " + attempt + ", wrong password" + (attempt < 3 ? ": " : " (the account locks): ")
                    + Describe.outcome(outcome));
        }
        AuthenticationOutcome locked = login(l, BOB, BOB_PASSWORD);
        expect(locked instanceof AuthenticationOutcome.Rejected, "bob is locked", locked);
        say("with the right password, while locked: " + Describe.outcome(locked));

        step("rep searches all users and gets the limited view: the form's fields, and per row only the actions "
                + "rep may take (\"set-password\" on local non-administrators, \"reset\" where allowed; never edit "
                + "or delete).");
        SearchUsers.Result view = l.searchUsers().execute(SearchUsers.Command.of(REP, "", Optional.empty(), 50));
        Describe.search(view, "").forEach(out::println);

        step("rep resets bob's failed logins, and bob can log in again.");
        l.resetFailedLogins().execute(new ResetFailedLogins.Command(REP, BOB));
        AuthenticationOutcome bobBack = login(l, BOB, BOB_PASSWORD);
        expect(bobBack instanceof AuthenticationOutcome.Authenticated, "bob logs in after the reset", bobBack);
        result("bob logs in: " + Describe.outcome(bobBack));

        step("rep opens alice's change-password form.");
        OpenChangePasswordForm.Result form =
                l.openChangePasswordForm().execute(new OpenChangePasswordForm.Command(REP, ALICE));
        Describe.form(form, INDENT).forEach(out::println);

        step("rep sets a generated password for alice with \"email password to user\" (which forces a change at "
                + "the next login). The email alice received:");
        Password generated =
                l.generateTemporaryPassword().execute(new GenerateTemporaryPassword.Command(REP, Optional.of(ALICE)));
        SetPassword.Result set = l.setPassword().execute(new SetPassword.Command(REP, ALICE, generated, true, false));
        Email email = received(smtp);
        email.headerLines().forEach(h -> say("| " + h));
        say("|");
        email.body().lines().forEach(b -> say(("| " + b).stripTrailing()));
        result("alice must change it at the next login; it expires at "
                + set.temporaryPasswordExpiresAt().map(Describe::time).orElse("never"));

        step("rep tries to set admin's password.");
        Reason adminRefusal = refusal(() -> l.setPassword()
                .execute(new SetPassword.Command(REP, ADMIN, Password.of("rep wants admin rights"), false, false)));

        step("rep tries to set dave's password, which the " + PROVIDER + " directory manages.");
        Reason directoryRefusal = refusal(() -> l.setPassword()
                .execute(new SetPassword.Command(REP, DAVE, Password.of("a password for dave"), false, false)));

        step("rep tries to give alice the weak password \"" + WEAK_PASSWORD + "\", and is refused with every reason:");
        List<PolicyViolation> violations;
        try {
            l.setPassword().execute(new SetPassword.Command(REP, ALICE, Password.of(WEAK_PASSWORD), false, true));
            throw new IllegalStateException("demo: the weak password was accepted");
        } catch (PolicyViolationException e) {
            violations = e.violations();
            violations.forEach(v -> say("- " + Describe.violation(v)));
        }

        step("alice logs in with the password from the email, and may only change it.");
        String emailed = emailedPassword(email);
        AuthenticationOutcome mustChange = login(l, ALICE, emailed);
        expect(
                mustChange instanceof AuthenticationOutcome.MustChangePassword,
                "alice must change her password",
                mustChange);
        result(Describe.outcome(mustChange));

        step("alice changes her password to one of her own.");
        l.changeOwnPassword()
                .execute(new ChangeOwnPassword.Command(ALICE, Password.of(emailed), Password.of(ALICE_NEW_PASSWORD)));
        result("done");

        step("alice logs in with her own password.");
        AuthenticationOutcome in = login(l, ALICE, ALICE_NEW_PASSWORD);
        expect(in instanceof AuthenticationOutcome.Authenticated, "alice logs in", in);
        result(Describe.outcome(in));

        step("admin reads the audit trail: every decision above, refusals included (oldest first).");
        List<AuditRecord> trail = new ArrayList<>(
                l.readAuditTrail().execute(new ReadAuditTrail.Command(ADMIN, AuditTrail.Query.latest(100))));
        Collections.reverse(trail);
        Describe.auditLines(trail, INDENT, WIDTH).forEach(out::println);

        out.println();
        out.println("The end. To explore the same data with the other commands, run this jar's 'demo --keep':");
        out.println("it keeps the store and prints the options and passwords to use.");
        return new Report(
                view,
                failures,
                locked,
                bobBack,
                form,
                set,
                email,
                adminRefusal,
                directoryRefusal,
                violations,
                mustChange,
                in,
                trail);
    }

    /** The directory file of the demo's provider in its folder. */
    static Path ldif(Path folder) {
        return folder.resolve("corp-directory.ldif");
    }

    /** The {@code --provider} option naming the demo's directory in {@code folder}. */
    static String providerOption(Path folder) {
        return PROVIDER + ":ldap:" + ldif(folder).toAbsolutePath();
    }

    /** The passwords the story leaves each local user with, for a reader repeating it on a kept store. */
    static List<String> passwords() {
        return List.of(
                "admin: " + ADMIN_PASSWORD,
                "rep:   " + REP_PASSWORD,
                "bob:   " + BOB_PASSWORD,
                "alice: " + ALICE_NEW_PASSWORD + " (her own, chosen in step 14)");
    }

    private static AuthenticationOutcome login(Locksmith l, Username user, String password) {
        return l.authenticate().execute(new Authenticate.Command(user, Password.of(password)));
    }

    private Reason refusal(Runnable attempt) {
        try {
            attempt.run();
        } catch (AccessDeniedException e) {
            result(Describe.error(e).get(0));
            return e.reason();
        }
        throw new IllegalStateException("demo: the request was not refused");
    }

    private static void expect(boolean condition, String what, Object actual) {
        if (!condition) {
            throw new IllegalStateException("demo: expected that " + what + ", got " + actual);
        }
    }

    private static Email received(GreenMail smtp) {
        if (!smtp.waitForIncomingEmail(10_000, 1)) {
            throw new IllegalStateException("demo: the SMTP server received no message");
        }
        MimeMessage[] messages = smtp.getReceivedMessages();
        MimeMessage message = messages[messages.length - 1];
        try {
            List<String> headers = Collections.list(message.getAllHeaderLines());
            List<String> recipients = new ArrayList<>();
            for (jakarta.mail.Address a : message.getAllRecipients()) {
                recipients.add(a.toString());
            }
            Object content = message.getContent();
            String body = content instanceof String text ? text : String.valueOf(content);
            return new Email(headers, message.getSubject(), recipients, body);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(
                    "demo: the received message cannot be read: " + e.getClass().getName(), e);
        }
    }

    /** What alice reads off the email: the line after "New password: ". */
    private static String emailedPassword(Email email) {
        return email.body()
                .lines()
                .filter(line -> line.startsWith("New password: "))
                .map(line -> line.substring("New password: ".length()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("demo: the email holds no password"));
    }

    private void heading(String text) {
        out.println(text);
        out.println("=".repeat(text.length()));
    }

    private void step(String text) {
        out.println();
        Describe.wrap(text, WIDTH, String.format("%2d. ", ++step), INDENT).forEach(out::println);
    }

    private void say(String text) {
        Describe.wrap(text, WIDTH, INDENT, INDENT + "  ").forEach(out::println);
    }

    private void result(String text) {
        Describe.wrap(text, WIDTH, INDENT + "-> ", INDENT + "   ").forEach(out::println);
    }
}
