package dev.locksmith.core.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.locksmith.core.domain.ConflictException;
import dev.locksmith.core.domain.EmailAddress;
import dev.locksmith.core.domain.Lock;
import dev.locksmith.core.domain.LoginState;
import dev.locksmith.core.domain.NotFoundException;
import dev.locksmith.core.domain.Page;
import dev.locksmith.core.domain.PasswordHash;
import dev.locksmith.core.domain.Permission;
import dev.locksmith.core.domain.Profile;
import dev.locksmith.core.domain.Reason;
import dev.locksmith.core.domain.Source;
import dev.locksmith.core.domain.User;
import dev.locksmith.core.domain.UserId;
import dev.locksmith.core.domain.UserSearch;
import dev.locksmith.core.domain.Username;
import dev.locksmith.core.port.UserAccounts;
import dev.locksmith.core.port.UserAccounts.FailedLogin;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What every {@link UserAccounts} promises. Subclasses return a fresh, empty store from {@link #newUserAccounts()}.
 * Instants carry microseconds at most, the precision every store keeps.
 */
public abstract class UserAccountsContract extends StoreContract<UserAccounts> {
    /** A fixed instant with microsecond precision. */
    protected static final Instant NOW = StoreContract.NOW;

    /** A fresh, empty store; called once per test. */
    protected abstract UserAccounts newUserAccounts();

    @Override
    final UserAccounts freshStore() {
        return newUserAccounts();
    }

    static User localUser(String name) {
        return User.newLocal(
                Username.of(name),
                Profile.named("User " + name),
                Set.of(),
                new PasswordHash("$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$" + name),
                NOW,
                false,
                Optional.empty());
    }

    private static User fullUser() {
        Profile profile = new Profile(
                "Alice Example",
                "Alice (support, 2nd floor)",
                Optional.of(EmailAddress.of("alice@example.com")),
                "first line\nsecond line\twith a tab");
        LoginState logins = new LoginState(
                4,
                Optional.of(NOW.minusSeconds(60)),
                Optional.of(new Lock(NOW.minusSeconds(60), Optional.of(NOW.plusSeconds(1740)))),
                Optional.of(NOW.minusSeconds(86_400)));
        return new User(
                UserId.random(),
                Username.of("alice"),
                profile,
                Set.of(Permission.ADMINISTRATOR, Permission.SET_PASSWORDS),
                false,
                Source.local(),
                Optional.of(new PasswordHash("$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA")),
                Optional.of(NOW.minusSeconds(3600)),
                true,
                Optional.of(NOW.plus(Duration.ofDays(3))),
                logins,
                0);
    }

    @Test
    void finds_nothing_for_an_unknown_username() {
        assertThat(store.find(Username.of("nobody"))).isEmpty();
    }

    @Test
    void stores_every_field_of_a_local_user_at_version_0() {
        User alice = fullUser();
        store.add(alice);
        assertThat(store.find(Username.of("alice"))).contains(alice);
    }

    @Test
    void stores_a_provider_user_without_password() {
        User bob = User.newProviderUser(
                Username.of("bob"),
                new Profile("Bob", "", Optional.empty(), ""),
                Set.of(Permission.SET_PASSWORDS),
                new Source.Provider("corp-ad"));
        store.add(bob);
        assertThat(store.find(Username.of("bob"))).contains(bob);
    }

    @Test
    void a_new_user_is_stored_at_version_0_whatever_version_it_carries() {
        store.add(localUser("carol").atVersion(7));
        assertThat(store.find(Username.of("carol"))).map(User::version).contains(0L);
    }

    @Test
    void refuses_a_taken_username_and_keeps_the_first_user() {
        User first = localUser("dave");
        store.add(first);
        User second = first.withProfile(Profile.named("Impostor"));
        assertThatThrownBy(() -> store.add(second))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.reason()).isEqualTo(Reason.ALREADY_EXISTS));
        assertThat(store.find(Username.of("dave"))).contains(first);
    }

    @Test
    void update_replaces_the_user_and_returns_it_at_the_next_version() {
        store.add(localUser("erin"));
        User stored = store.find(Username.of("erin")).orElseThrow();
        User changed =
                stored.withProfile(Profile.named("Erin Changed")).withPermissions(Set.of(Permission.SET_PASSWORDS));

        User returned = store.update(changed);

        assertThat(returned).isEqualTo(changed.atVersion(1));
        assertThat(store.find(Username.of("erin"))).contains(returned);
    }

    @Test
    void every_update_bumps_the_version() {
        store.add(localUser("frank"));
        User v1 = store.update(store.find(Username.of("frank")).orElseThrow().withEnabled(false));
        User v2 = store.update(v1.withEnabled(true));
        assertThat(v2.version()).isEqualTo(2);
        assertThat(store.find(Username.of("frank"))).map(User::version).contains(2L);
    }

    @Test
    void update_with_a_stale_version_is_a_conflict_and_changes_nothing() {
        store.add(localUser("gina"));
        User original = store.find(Username.of("gina")).orElseThrow();
        User winner = store.update(original.withProfile(Profile.named("Winner")));

        assertThatThrownBy(() -> store.update(original.withProfile(Profile.named("Loser"))))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CONFLICT));
        assertThat(store.find(Username.of("gina"))).contains(winner);
    }

    @Test
    void update_of_a_missing_user_is_not_found() {
        assertThatThrownBy(() -> store.update(localUser("ghost")))
                .isInstanceOfSatisfying(
                        NotFoundException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND));
        assertThat(store.find(Username.of("ghost"))).isEmpty();
    }

    @Test
    void remove_deletes_the_user_at_the_expected_version() {
        store.add(localUser("hank"));
        store.remove(stored("hank").id(), 0);
        assertThat(store.find(Username.of("hank"))).isEmpty();
    }

    @Test
    void remove_with_a_stale_version_is_a_conflict_and_keeps_the_user() {
        store.add(localUser("ivy"));
        User current = store.update(stored("ivy").withEnabled(false));
        assertThatThrownBy(() -> store.remove(current.id(), 0))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CONFLICT));
        assertThat(store.find(Username.of("ivy"))).contains(current);
    }

    @Test
    void remove_of_a_missing_user_is_not_found() {
        assertThatThrownBy(() -> store.remove(UserId.random(), 0)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void a_write_meant_for_a_deleted_account_never_lands_on_a_new_account_of_the_same_name() {
        store.add(localUser("ruth").withPermissions(Set.of(Permission.SET_PASSWORDS)));
        User old = stored("ruth");
        store.remove(old.id(), 0);
        User reborn = localUser("ruth").withPermissions(Set.of(Permission.ADMINISTRATOR));
        store.add(reborn);

        assertThatThrownBy(() -> store.update(old.withPermissions(Set.of())))
                .isInstanceOfSatisfying(
                        NotFoundException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND));
        assertThatThrownBy(() -> store.remove(old.id(), 0)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> store.recordFailedLogin(old.id(), NOW, LoginState.Rule.countOnly()))
                .isInstanceOf(NotFoundException.class);
        assertThat(store.replaceHash(old.id(), old.passwordHash().orElseThrow(), new PasswordHash("$2a$10$x")))
                .isFalse();
        assertThat(store.find(Username.of("ruth"))).contains(reborn);
    }

    @Test
    void the_identity_is_stored_and_a_taken_identity_is_refused() {
        User first = localUser("sven");
        store.add(first);
        assertThat(stored("sven").id()).isEqualTo(first.id());
        User sameIdentity = new User(
                first.id(),
                Username.of("sven2"),
                first.profile(),
                first.permissions(),
                true,
                first.source(),
                first.passwordHash(),
                first.passwordChangedAt(),
                false,
                Optional.empty(),
                LoginState.initial(),
                0);
        assertThatThrownBy(() -> store.add(sameIdentity)).isInstanceOf(ConflictException.class);
        assertThat(store.find(Username.of("sven2"))).isEmpty();
    }

    @Test
    void a_failed_login_adds_one_to_the_count_and_leaves_the_version_alone() {
        store.add(localUser("jack"));
        FailedLogin result = store.recordFailedLogin(stored("jack").id(), NOW, LoginState.Rule.countOnly());

        assertThat(result.lockedNow()).isFalse();
        assertThat(result.logins().failedLogins()).isEqualTo(1);
        assertThat(result.logins().lastFailureAt()).contains(NOW);
        assertThat(result.logins().lock()).isEmpty();
        assertThat(stored("jack").logins()).isEqualTo(result.logins());
        assertThat(stored("jack").version()).isZero();
    }

    @Test
    void a_failed_login_locks_at_the_threshold_and_reports_it_exactly_once() {
        UserId kate = addLocal("kate");
        LoginState.Rule rule =
                new LoginState.Rule(3, Optional.of(Duration.ofMinutes(30)), Optional.of(Duration.ofMinutes(30)));

        assertThat(store.recordFailedLogin(kate, NOW, rule).lockedNow()).isFalse();
        assertThat(store.recordFailedLogin(kate, NOW, rule).lockedNow()).isFalse();
        FailedLogin third = store.recordFailedLogin(kate, NOW, rule);
        FailedLogin fourth = store.recordFailedLogin(kate, NOW.plusSeconds(1), rule);

        assertThat(third.lockedNow()).isTrue();
        Lock expected = new Lock(NOW, Optional.of(NOW.plus(Duration.ofMinutes(30))));
        assertThat(third.logins().lock()).contains(expected);
        assertThat(fourth.lockedNow()).isFalse();
        assertThat(fourth.logins().lock()).contains(expected);
        assertThat(fourth.logins().failedLogins()).isEqualTo(4);
        assertThat(stored("kate").logins()).isEqualTo(fourth.logins());
    }

    @Test
    void without_a_duration_the_lock_lasts_until_reset() {
        store.add(localUser("liam"));
        FailedLogin result = store.recordFailedLogin(
                stored("liam").id(), NOW, new LoginState.Rule(1, Optional.empty(), Optional.empty()));
        assertThat(result.lockedNow()).isTrue();
        assertThat(result.logins().lock()).contains(new Lock(NOW, Optional.empty()));
        assertThat(result.logins().isLockedAt(NOW.plus(Duration.ofDays(3650)))).isTrue();
    }

    @Test
    void threshold_0_counts_without_ever_locking() {
        UserId mia = addLocal("mia");
        FailedLogin last = null;
        for (int i = 0; i < 150; i++) {
            last = store.recordFailedLogin(mia, NOW, LoginState.Rule.countOnly());
            assertThat(last.lockedNow()).isFalse();
        }
        assertThat(last.logins().failedLogins()).isEqualTo(150);
        assertThat(last.logins().lock()).isEmpty();
    }

    @Test
    void after_a_timed_lock_ends_the_count_starts_again() {
        UserId noah = addLocal("noah");
        LoginState.Rule rule = new LoginState.Rule(2, Optional.of(Duration.ofMinutes(1)), Optional.empty());
        store.recordFailedLogin(noah, NOW, rule);
        assertThat(store.recordFailedLogin(noah, NOW, rule).lockedNow()).isTrue();
        Instant later = NOW.plus(Duration.ofMinutes(2));

        FailedLogin once = store.recordFailedLogin(noah, later, rule);
        assertThat(once.lockedNow()).isFalse();
        assertThat(once.logins().failedLogins()).isEqualTo(1);
        assertThat(once.logins().lock()).isEmpty();

        FailedLogin twice = store.recordFailedLogin(noah, later.plusSeconds(1), rule);
        assertThat(twice.lockedNow()).isTrue();
        assertThat(twice.logins().lock()).contains(new Lock(later.plusSeconds(1), Optional.of(later.plusSeconds(61))));
    }

    @Test
    void a_failure_outside_the_observation_window_starts_the_count_again() {
        UserId pia = addLocal("pia");
        LoginState.Rule rule =
                new LoginState.Rule(3, Optional.of(Duration.ofMinutes(30)), Optional.of(Duration.ofMinutes(10)));
        store.recordFailedLogin(pia, NOW, rule);
        store.recordFailedLogin(pia, NOW.plus(Duration.ofMinutes(9)), rule);

        FailedLogin late = store.recordFailedLogin(pia, NOW.plus(Duration.ofMinutes(19)), rule);

        assertThat(late.lockedNow()).isFalse();
        assertThat(late.logins().failedLogins()).isEqualTo(1);
    }

    @Test
    void login_bookkeeping_never_makes_an_update_from_an_earlier_read_conflict() {
        store.add(localUser("olga"));
        User before = stored("olga");
        store.recordFailedLogin(before.id(), NOW, LoginState.Rule.countOnly());
        store.recordFailedLogin(before.id(), NOW, LoginState.Rule.countOnly());

        User updated = store.update(before.withProfile(Profile.named("Olga Updated")));

        assertThat(updated.version()).isEqualTo(1);
        assertThat(updated.failedLogins()).isEqualTo(2);
        assertThat(stored("olga").failedLogins()).isEqualTo(2);
        assertThat(stored("olga").profile().publicName()).isEqualTo("Olga Updated");
    }

    @Test
    void reset_clears_count_and_lock_returns_the_state_before_and_keeps_the_last_login() {
        UserId quin = addLocal("quin");
        store.recordSuccessfulLogin(quin, NOW.minusSeconds(600));
        store.recordFailedLogin(quin, NOW, new LoginState.Rule(1, Optional.empty(), Optional.empty()));

        LoginState before = store.resetFailedLogins(quin);

        assertThat(before.failedLogins()).isEqualTo(1);
        assertThat(before.lock()).isPresent();
        User after = stored("quin");
        assertThat(after.failedLogins()).isZero();
        assertThat(after.lock()).isEmpty();
        assertThat(after.lastLoginAt()).contains(NOW.minusSeconds(600));
        assertThat(after.version()).isZero();
    }

    @Test
    void a_successful_login_clears_the_count_and_records_when() {
        UserId rosa = addLocal("rosa");
        store.recordFailedLogin(rosa, NOW, LoginState.Rule.countOnly());

        store.recordSuccessfulLogin(rosa, NOW.plusSeconds(5));

        assertThat(stored("rosa").logins())
                .isEqualTo(new LoginState(0, Optional.empty(), Optional.empty(), Optional.of(NOW.plusSeconds(5))));
        assertThat(stored("rosa").version()).isZero();
    }

    @Test
    void replace_hash_only_replaces_the_expected_hash_and_leaves_the_version_alone() {
        store.add(localUser("tara"));
        User tara = stored("tara");
        PasswordHash stronger = new PasswordHash("$argon2id$v=19$m=65536,t=3,p=1$c2FsdHNhbHQ$c3Ryb25n");

        assertThat(store.replaceHash(tara.id(), new PasswordHash("$2a$10$other"), stronger))
                .isFalse();
        assertThat(stored("tara").passwordHash()).isEqualTo(tara.passwordHash());

        assertThat(store.replaceHash(tara.id(), tara.passwordHash().orElseThrow(), stronger))
                .isTrue();
        assertThat(stored("tara").passwordHash()).contains(stronger);
        assertThat(stored("tara").version()).isZero();
    }

    @Test
    void login_bookkeeping_of_a_missing_user_is_not_found() {
        assertThatThrownBy(() -> store.recordFailedLogin(UserId.random(), NOW, LoginState.Rule.countOnly()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> store.resetFailedLogins(UserId.random())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> store.recordSuccessfulLogin(UserId.random(), NOW))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void empty_search_text_lists_everyone_ordered_by_username() {
        for (String name : List.of("mike", "alpha", "zulu", "bravo", "kilo")) {
            store.add(localUser(name));
        }
        Page<User> page = store.search(new UserSearch("", Optional.empty(), 50));
        assertThat(usernames(page.items())).containsExactly("alpha", "bravo", "kilo", "mike", "zulu");
        assertThat(page.nextCursor()).isEmpty();
    }

    @Test
    void search_matches_a_case_insensitive_substring_of_each_searchable_field() {
        store.add(localUser("xavier.smith"));
        store.add(localUser("yara").withProfile(new Profile("Yara Public-Face", "", Optional.empty(), "")));
        store.add(localUser("zed").withProfile(new Profile("", "Zed Back-Office", Optional.empty(), "")));
        store.add(localUser("walt")
                .withProfile(new Profile("", "", Optional.of(EmailAddress.of("w.w@Example.ORG")), "")));
        store.add(localUser("vera")
                .withProfile(new Profile("Nothing", "Special", Optional.empty(), "public-face in comments")));

        assertThat(search("IER.SM")).containsExactly("xavier.smith");
        assertThat(search("public-FACE")).containsExactly("yara");
        assertThat(search("back-off")).containsExactly("zed");
        assertThat(search("example.org")).containsExactly("walt");
        assertThat(search("no match at all")).isEmpty();
    }

    @Test
    void search_folds_case_alike_on_both_sides_whatever_the_letters_position() {
        // Upper-case sigma lower-cases to a final sigma at the end of a word and to a medial one elsewhere.
        store.add(localUser("kostas").withProfile(Profile.named("ΚΩΣΤΑΣ Π.")));
        store.add(localUser("odos").withProfile(Profile.named("ΟΔΟΣ")));

        assertThat(search("ΚΩΣ")).containsExactly("kostas");
        assertThat(search("κωστας")).containsExactly("kostas");
        assertThat(search("ΟΔΟΣ")).containsExactly("odos");
        assertThat(search("οδοσ")).containsExactly("odos");
        assertThat(search("σ")).containsExactly("kostas", "odos");
    }

    @Test
    void search_treats_percent_and_underscore_as_plain_characters() {
        store.add(localUser("deal").withProfile(Profile.named("50%_off")));
        store.add(localUser("decoy1").withProfile(Profile.named("50 off")));
        store.add(localUser("decoy2").withProfile(Profile.named("50%xoff")));
        store.add(localUser("decoy3").withProfile(Profile.named("5000ff")));
        store.add(localUser("decoy4").withProfile(Profile.named("50x_off")));

        assertThat(search("50%_off")).containsExactly("deal");
        assertThat(search("%")).containsExactly("deal", "decoy2");
        assertThat(search("_")).containsExactly("deal", "decoy4");
    }

    @Test
    void search_pages_follow_the_cursor_which_is_the_last_username_of_a_page() {
        List<String> names = List.of("p1", "p2", "p3", "p4", "p5", "p6", "p7");
        List<String> reversed = new ArrayList<>(names);
        Collections.reverse(reversed);
        for (String name : reversed) {
            store.add(localUser(name));
        }
        List<String> seen = new ArrayList<>();
        Optional<Username> after = Optional.empty();
        for (int pages = 0; pages < 10; pages++) {
            Page<User> page = store.search(new UserSearch("P", after, 3));
            assertThat(page.items()).hasSizeLessThanOrEqualTo(3);
            seen.addAll(usernames(page.items()));
            if (page.nextCursor().isEmpty()) {
                break;
            }
            assertThat(page.items()).hasSize(3);
            assertThat(page.nextCursor())
                    .contains(page.items().get(2).username().value());
            after = page.nextCursor().map(Username::of);
        }
        assertThat(seen).containsExactlyElementsOf(names);
    }

    @Test
    void search_starts_strictly_after_the_given_username() {
        for (String name : List.of("a", "b", "c", "d")) {
            store.add(localUser(name));
        }
        Page<User> page = store.search(new UserSearch("", Optional.of(Username.of("b")), 10));
        assertThat(usernames(page.items())).containsExactly("c", "d");
    }

    @Test
    void a_page_is_never_longer_than_the_limit() {
        for (int i = 0; i < 12; i++) {
            store.add(localUser("user" + (char) ('a' + i)));
        }
        Page<User> page = store.search(new UserSearch("user", Optional.empty(), 5));
        assertThat(usernames(page.items())).containsExactly("usera", "userb", "userc", "userd", "usere");
        assertThat(page.nextCursor()).contains("usere");
    }

    @Test
    void counts_enabled_administrators_only() {
        store.add(localUser("root1").withPermissions(Set.of(Permission.ADMINISTRATOR)));
        store.add(localUser("root2").withPermissions(Set.of(Permission.ADMINISTRATOR, Permission.SET_PASSWORDS)));
        store.add(localUser("root3")
                .withPermissions(Set.of(Permission.ADMINISTRATOR))
                .withEnabled(false));
        store.add(localUser("helper").withPermissions(Set.of(Permission.SET_PASSWORDS)));
        store.add(localUser("plain"));

        assertThat(store.countEnabledAdministrators()).isEqualTo(2);
    }

    private User stored(String name) {
        return store.find(Username.of(name)).orElseThrow();
    }

    /** Adds a {@link #localUser} and returns its id. */
    private UserId addLocal(String name) {
        store.add(localUser(name));
        return stored(name).id();
    }

    private List<String> search(String text) {
        return usernames(
                store.search(new UserSearch(text, Optional.empty(), 50)).items());
    }

    private static List<String> usernames(List<User> list) {
        return list.stream().map(u -> u.username().value()).toList();
    }
}
