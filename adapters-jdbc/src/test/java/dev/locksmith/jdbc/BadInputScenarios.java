package dev.locksmith.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locksmith.core.domain.AuditEvent;
import dev.locksmith.core.domain.AuditRecord;
import dev.locksmith.core.domain.EmailAddress;
import dev.locksmith.core.domain.LoginState;
import dev.locksmith.core.domain.Operation;
import dev.locksmith.core.domain.PasswordHash;
import dev.locksmith.core.domain.PasswordPolicy;
import dev.locksmith.core.domain.Permission;
import dev.locksmith.core.domain.Profile;
import dev.locksmith.core.domain.Source;
import dev.locksmith.core.domain.User;
import dev.locksmith.core.domain.UserId;
import dev.locksmith.core.domain.UserSearch;
import dev.locksmith.core.domain.Username;
import dev.locksmith.core.port.AuditTrail;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SQL and LIKE metacharacters and quotes in every text field go in and come out unchanged, and match only
 * themselves in a search. The test class it is nested in gives the database.
 */
abstract class BadInputScenarios extends DatabaseScenarios {
    /** Quotes, statement separators, comments, wildcards, escapes (ours and others'). */
    static final String NASTY = "O'Brien \"Bobby\"; DROP TABLE locksmith_users; -- /* x */ 50%_off \\ \\' !% !_ ''";
    /** The same characters, none of them whitespace (usernames allow no whitespace). */
    static final String NASTY_NAME = "o'brien\";drop--/*x*/50%_off\\'!%!_''";

    private JdbiStore store;

    @BeforeEach
    void open() {
        store = stores.open(newLocation());
    }

    private static User nastyUser() {
        Profile profile = new Profile(
                NASTY,
                "private " + NASTY,
                Optional.of(EmailAddress.of("o'brien--%_/*x*/!@example.com")),
                NASTY + "\n" + NASTY);
        return User.newProviderUser(
                Username.of(NASTY_NAME),
                profile,
                Set.of(Permission.SET_PASSWORDS),
                new Source.Provider("corp'; --%_\\"));
    }

    @Test
    void metacharacters_in_every_user_field_round_trip_unchanged() {
        User nasty = nastyUser();
        User local = Fixtures.localUser("plain").withProfile(new Profile(NASTY, NASTY, Optional.empty(), NASTY));
        PasswordHash nastyHash = new PasswordHash("$x$';--\"%_\\/**/!");
        User localNasty = new User(
                UserId.random(),
                Username.of("hashy"),
                Profile.named(NASTY),
                Set.of(),
                true,
                Source.local(),
                Optional.of(nastyHash),
                Optional.empty(),
                false,
                Optional.empty(),
                LoginState.initial(),
                0);

        store.userAccounts().add(nasty);
        store.userAccounts().add(local);
        store.userAccounts().add(localNasty);

        assertThat(store.userAccounts().find(Username.of(NASTY_NAME))).contains(nasty);
        assertThat(store.userAccounts().find(Username.of("plain"))).contains(local);
        assertThat(store.userAccounts().find(Username.of("hashy"))).contains(localNasty);
        User updated =
                store.userAccounts().update(nasty.withProfile(nasty.profile().withComments("-- '" + NASTY)));
        assertThat(store.userAccounts().find(Username.of(NASTY_NAME))).contains(updated);
    }

    @Test
    void metacharacters_in_search_text_match_only_themselves() {
        store.userAccounts().add(nastyUser());
        store.userAccounts()
                .add(Fixtures.localUser("decoy").withProfile(Profile.named("O Brien Bobby DROP TABLE 50 off x")));
        store.userAccounts().add(Fixtures.localUser("decoy2").withProfile(Profile.named("50x off 50 xoff a b")));

        for (String text : List.of(
                "O'Brien",
                "\"bobby\";",
                "; drop table",
                "-- /* x */",
                "50%_off",
                "\\ \\'",
                "!%",
                "!_",
                "''",
                "%",
                "_",
                "!",
                "\\",
                "o'brien--%_/*x*/!@")) {
            assertThat(search(text)).as(text).containsExactly(NASTY_NAME);
        }
        assertThat(search("50")).containsExactly("decoy", "decoy2", NASTY_NAME);
        assertThat(store.userAccounts()
                        .searchByUsernamePrefix(new UserSearch("o'brien\";drop--/*x*/50%_", Optional.empty(), 10))
                        .items())
                .extracting(u -> u.username().value())
                .containsExactly(NASTY_NAME);
        assertThat(store.userAccounts()
                        .searchByUsernamePrefix(new UserSearch("o%", Optional.empty(), 10))
                        .items())
                .isEmpty();
    }

    @Test
    void metacharacters_in_history_audit_and_policy_round_trip_unchanged() {
        Username user = Username.of(NASTY_NAME);
        PasswordHash hash = new PasswordHash("$x$';--\"%_\\/**/!");
        store.userAccounts().add(nastyUser());
        store.passwordHistory().push(user, hash, Fixtures.NOW);
        assertThat(store.passwordHistory().recent(user, 5)).containsExactly(hash);

        AuditEvent event = new AuditEvent(
                Fixtures.NOW,
                Optional.of(user),
                Operation.EDIT_USER,
                Optional.of(user),
                AuditEvent.Outcome.FAILED,
                "X';--%_\\",
                Map.of(NASTY.substring(0, 60), NASTY, "k=\\n", "v\n=\r\\"));
        long sequence = store.auditTrail().record(event);
        assertThat(store.auditTrail().read(new AuditTrail.Query(Optional.of(user), Optional.empty(), 5)))
                .containsExactly(new AuditRecord(sequence, event));

        PasswordPolicy policy = PasswordPolicy.builder()
                .bannedWords(Set.of(NASTY_NAME, "'", "--", "%", "_", "\\", "/*"))
                .build();
        store.policyStore().save(policy);
        assertThat(store.policyStore().load()).contains(policy);
    }

    private List<String> search(String text) {
        return store.userAccounts().search(new UserSearch(text, Optional.empty(), 50)).items().stream()
                .map(u -> u.username().value())
                .toList();
    }
}
