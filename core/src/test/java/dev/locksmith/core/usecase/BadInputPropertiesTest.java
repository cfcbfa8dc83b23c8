package dev.locksmith.core.usecase;

import static dev.locksmith.core.testing.LocksmithFixture.name;
import static dev.locksmith.core.testing.TestUsers.aUser;
import static org.assertj.core.api.Assertions.assertThat;

import dev.locksmith.core.Locksmith;
import dev.locksmith.core.domain.EmailAddress;
import dev.locksmith.core.domain.LocksmithException;
import dev.locksmith.core.domain.LoginState;
import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.PasswordPolicy;
import dev.locksmith.core.domain.Permission;
import dev.locksmith.core.domain.Profile;
import dev.locksmith.core.domain.Reason;
import dev.locksmith.core.domain.Source;
import dev.locksmith.core.domain.User;
import dev.locksmith.core.domain.Username;
import dev.locksmith.core.port.AuditTrail;
import dev.locksmith.core.testing.InMemoryDatabase;
import dev.locksmith.core.testing.LocksmithFixture;
import dev.locksmith.core.testing.TestUsers;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Every text input of every public command, fed arbitrary and hostile strings (empty, huge, control
 * characters, unpaired surrogates, CR/LF, SQL and LIKE metacharacters, bidi overrides, odd Unicode): the
 * result is success or a {@link LocksmithException}, never another exception, and a refused command leaves
 * the store (users, history, policy) exactly as it was. The text reaches the command the way a host would
 * pass it: through the public value constructors ({@link Username#of}, {@link Password#of}, {@link Profile}...).
 */
class BadInputPropertiesTest {
    private static final int TRIES = 150;

    @Provide
    Arbitrary<String> text() {
        return Arbitraries.oneOf(
                Arbitraries.of(
                        "",
                        " ",
                        "\t",
                        "\r\n",
                        "a\rb",
                        "x\nBcc: evil@example.com",
                        "alice\r\nX-Injected: 1",
                        "'; DROP TABLE users; --",
                        "' OR '1'='1",
                        "%",
                        "_",
                        "%_%",
                        "50%_off",
                        "\\",
                        "\\%",
                        "[a-z]*",
                        "\u0000",
                        "nul\u0000byte",
                        "\uD800",
                        "\uDC00x",
                        "a\uD800b",
                        "\uDBFF\uDFFF",
                        "\u202Eevil",
                        "\u2028",
                        "admin",
                        "alice",
                        "ALICE",
                        "rep",
                        "Alice@Example.com",
                        "alice@example.com",
                        "a@b",
                        "@",
                        "a@",
                        "😀😀😀😀",
                        "ǅungla",
                        "ﬁne ﬁle",
                        "İstanbul",
                        "Ⅻ",
                        "①②③",
                        "ｆｕｌｌｗｉｄｔｈ",
                        "x".repeat(5000),
                        "é".repeat(3000),
                        "😀".repeat(1100),
                        "correct horse battery staple"),
                Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.strings()
                        .withCharRange('\u0000', '\u001f')
                        .withCharRange('a', 'c')
                        .ofMaxLength(8),
                Arbitraries.strings()
                        .withChars("%_\\'\";-@ .\r\n")
                        .withCharRange('a', 'e')
                        .ofMaxLength(20),
                Arbitraries.strings().ascii().ofMinLength(4000).ofMaxLength(5000));
    }

    /** The world every try starts from; the admin, a representative and a target with an address. */
    private static LocksmithFixture world() {
        LocksmithFixture f = LocksmithFixture.create();
        f.given(aUser().named("admin").administrator());
        f.given(aUser().named("rep").privileged());
        f.given(aUser().named("alice")
                .displayName("Alice")
                .email("alice@example.com")
                .failedLogins(2));
        return f;
    }

    /** The state with every user's login state (failed count, lock, last login) set aside. */
    private static InMemoryDatabase.State withoutLoginStates(InMemoryDatabase.State state) {
        Map<Username, User> users = new HashMap<>();
        state.users().forEach((name, user) -> users.put(name, user.withLogins(LoginState.initial())));
        return new InMemoryDatabase.State(
                users, state.history(), state.audit(), state.lastSequence(), state.policy(), state.resetTokens());
    }

    /** Runs the command on the fixture's Locksmith; a refusal must be typed and must leave the store as it was. */
    private static void refusedOrDone(LocksmithFixture f, Consumer<Locksmith> command) {
        InMemoryDatabase.State before = f.stateWithoutAudit();
        try {
            command.accept(f.locksmith());
        } catch (LocksmithException refused) {
            assertThat(f.stateWithoutAudit())
                    .as("state after %s", refused.reason())
                    .isEqualTo(before);
            assertThat(refused.getMessage()).isNotNull();
        }
    }

    @Property(tries = TRIES)
    void search(@ForAll("text") String text, @ForAll("text") String cursor) {
        LocksmithFixture f = world();
        refusedOrDone(
                f, l -> l.searchUsers().execute(SearchUsers.Command.of(name("rep"), text, Optional.of(cursor), 10)));
        refusedOrDone(
                f, l -> l.searchUsers().execute(SearchUsers.Command.of(name("admin"), text, Optional.empty(), 500)));
        refusedOrDone(
                f, l -> l.searchUsers().execute(SearchUsers.Command.of(Username.of(text), "a", Optional.empty(), 5)));
    }

    @Property(tries = TRIES)
    void targeted_commands_by_username(@ForAll("text") String actor, @ForAll("text") String target) {
        LocksmithFixture f = world();
        refusedOrDone(
                f,
                l -> l.openChangePasswordForm()
                        .execute(new OpenChangePasswordForm.Command(Username.of(actor), Username.of(target))));
        refusedOrDone(
                f,
                l -> l.openChangePasswordForm()
                        .execute(new OpenChangePasswordForm.Command(name("rep"), Username.of(target))));
        refusedOrDone(
                f, l -> l.resetFailedLogins().execute(new ResetFailedLogins.Command(name("rep"), Username.of(target))));
        refusedOrDone(
                f,
                l -> l.requirePasswordChange()
                        .execute(new RequirePasswordChange.Command(Username.of(actor), name("alice"))));
        refusedOrDone(f, l -> l.deleteUser().execute(new DeleteUser.Command(name("admin"), Username.of(target))));
        refusedOrDone(
                f,
                l -> l.generateTemporaryPassword()
                        .execute(new GenerateTemporaryPassword.Command(name("rep"), Optional.of(Username.of(target))))
                        .wipe());
        refusedOrDone(
                f,
                l -> l.readAuditTrail()
                        .execute(new ReadAuditTrail.Command(
                                Username.of(actor),
                                new AuditTrail.Query(Optional.of(Username.of(target)), Optional.empty(), 5))));
        refusedOrDone(f, l -> l.readPolicy().execute(new ReadPolicy.Command(Username.of(actor))));
    }

    @Property(tries = TRIES)
    void set_password(@ForAll("text") String password, @ForAll("text") String target, @ForAll boolean email) {
        LocksmithFixture f = world();
        refusedOrDone(
                f,
                l -> l.setPassword()
                        .execute(new SetPassword.Command(
                                name("rep"), name("alice"), Password.of(password), email, false)));
        refusedOrDone(
                f,
                l -> l.setPassword()
                        .execute(new SetPassword.Command(
                                name("admin"),
                                Username.of(target),
                                Password.of("a perfectly fine passphrase"),
                                email,
                                true)));
    }

    @Property(tries = TRIES)
    void change_own_password(@ForAll("text") String current, @ForAll("text") String next) {
        LocksmithFixture f = world();
        // A wrong current password is a failed password check: it counts toward the lockout, and changes
        // nothing else. Any other refusal changes nothing at all.
        InMemoryDatabase.State before = f.stateWithoutAudit();
        int failedBefore = f.user("alice").logins().failedLogins();
        try {
            f.locksmith()
                    .changeOwnPassword()
                    .execute(new ChangeOwnPassword.Command(name("alice"), Password.of(current), Password.of(next)));
        } catch (LocksmithException refused) {
            assertThat(refused.getMessage()).isNotNull();
            if (refused.reason() == Reason.DENIED_WRONG_CURRENT_PASSWORD) {
                assertThat(f.user("alice").logins().failedLogins()).isEqualTo(failedBefore + 1);
                assertThat(withoutLoginStates(f.stateWithoutAudit())).isEqualTo(withoutLoginStates(before));
            } else {
                assertThat(f.stateWithoutAudit())
                        .as("state after %s", refused.reason())
                        .isEqualTo(before);
            }
        }
        refusedOrDone(
                f,
                l -> l.changeOwnPassword()
                        .execute(new ChangeOwnPassword.Command(
                                name("alice"), Password.of(TestUsers.DEFAULT_PASSWORD), Password.of(next))));
    }

    @Property(tries = TRIES)
    void authenticate(@ForAll("text") String username, @ForAll("text") String password) {
        LocksmithFixture f = world();
        // a failed login is an outcome that commits (the count), so only exceptions are checked here
        refusedOrDone(
                f,
                l -> assertThat(l.authenticate()
                                .execute(new Authenticate.Command(Username.of(username), Password.of(password))))
                        .isNotNull());
        refusedOrDone(
                f,
                l -> assertThat(l.authenticate()
                                .execute(new Authenticate.Command(name("alice"), Password.of(password)))
                                .loggedIn())
                        .isFalse());
    }

    @Property(tries = TRIES)
    void create_and_edit_users(
            @ForAll("text") String username,
            @ForAll("text") String publicName,
            @ForAll("text") String email,
            @ForAll("text") String comments) {
        LocksmithFixture f = world();
        refusedOrDone(
                f,
                l -> l.createUser()
                        .execute(new CreateUser.Command(
                                name("admin"),
                                Username.of(username),
                                new Profile(publicName, publicName, Optional.of(EmailAddress.of(email)), comments),
                                Set.of(Permission.SET_PASSWORDS),
                                Password.of("a perfectly fine passphrase"),
                                true)));
        refusedOrDone(
                f,
                l -> l.createUser()
                        .execute(new CreateUser.Command(
                                name("admin"),
                                name("newbie"),
                                new Profile(publicName, "", Optional.empty(), comments),
                                Set.of(),
                                Password.of(username),
                                false)));
        refusedOrDone(
                f,
                l -> l.editUser()
                        .execute(EditUser.Command.profile(
                                name("admin"),
                                name("alice"),
                                new Profile(publicName, comments, Optional.of(EmailAddress.of(email)), comments))));
    }

    @Property(tries = TRIES)
    void register_provider_users(
            @ForAll("text") String username, @ForAll("text") String provider, @ForAll("text") String displayName) {
        LocksmithFixture f = world();
        refusedOrDone(
                f,
                l -> l.registerProviderUser()
                        .execute(new RegisterProviderUser.Command(
                                name("admin"),
                                Username.of(username),
                                new Source.Provider(provider),
                                Profile.named(displayName))));
    }

    @Property(tries = TRIES)
    void change_policy(@ForAll("text") String bannedWord) {
        LocksmithFixture f = world();
        refusedOrDone(
                f,
                l -> l.changePolicy()
                        .execute(new ChangePolicy.Command(
                                name("admin"),
                                PasswordPolicy.builder()
                                        .bannedWords(Set.of(bannedWord))
                                        .build())));
        refusedOrDone(
                f,
                l -> l.setPassword()
                        .execute(new SetPassword.Command(
                                name("admin"),
                                name("alice"),
                                Password.of("a perfectly fine passphrase"),
                                false,
                                false)));
    }
}
