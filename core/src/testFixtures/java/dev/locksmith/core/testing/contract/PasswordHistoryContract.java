package dev.locksmith.core.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locksmith.core.domain.PasswordHash;
import dev.locksmith.core.domain.PasswordPolicy;
import dev.locksmith.core.port.PasswordHistory;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What every {@link PasswordHistory} promises. Subclasses return a fresh, empty store from {@link #newPasswordHistory()}. */
public abstract class PasswordHistoryContract extends StoreContract<PasswordHistory> {

    /** A fresh, empty store; called once per test. */
    protected abstract PasswordHistory newPasswordHistory();

    @Override
    final PasswordHistory freshStore() {
        return newPasswordHistory();
    }

    private static PasswordHash hash(String name, int n) {
        return new PasswordHash("$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$" + name + n);
    }

    @Test
    void a_user_without_history_has_none() {
        assertThat(store.recent(ALICE, 10)).isEmpty();
    }

    @Test
    void recent_returns_the_newest_hashes_first_up_to_the_limit() {
        for (int i = 1; i <= 5; i++) {
            store.push(ALICE, hash("alice", i), NOW.plusSeconds(i));
        }
        assertThat(store.recent(ALICE, 3)).containsExactly(hash("alice", 5), hash("alice", 4), hash("alice", 3));
        assertThat(store.recent(ALICE, 10))
                .containsExactly(
                        hash("alice", 5), hash("alice", 4), hash("alice", 3), hash("alice", 2), hash("alice", 1));
    }

    @Test
    void keeps_at_most_the_largest_history_size_per_user() {
        int pushed = PasswordPolicy.MAX_HISTORY + 6;
        for (int i = 1; i <= pushed; i++) {
            store.push(ALICE, hash("alice", i), NOW.plusSeconds(i));
        }
        List<PasswordHash> expected = IntStream.iterate(pushed, i -> i - 1)
                .limit(PasswordPolicy.MAX_HISTORY)
                .mapToObj(i -> hash("alice", i))
                .toList();
        assertThat(store.recent(ALICE, pushed)).containsExactlyElementsOf(expected);
    }

    @Test
    void the_histories_of_two_users_are_separate() {
        store.push(ALICE, hash("alice", 1), NOW);
        store.push(BOB, hash("bob", 1), NOW);
        store.push(ALICE, hash("alice", 2), NOW);

        assertThat(store.recent(ALICE, 10)).containsExactly(hash("alice", 2), hash("alice", 1));
        assertThat(store.recent(BOB, 10)).containsExactly(hash("bob", 1));
    }

    @Test
    void forget_removes_only_that_users_history() {
        store.push(ALICE, hash("alice", 1), NOW);
        store.push(BOB, hash("bob", 1), NOW);

        store.forget(ALICE);

        assertThat(store.recent(ALICE, 10)).isEmpty();
        assertThat(store.recent(BOB, 10)).containsExactly(hash("bob", 1));
    }

    @Test
    void forgetting_a_user_without_history_changes_nothing() {
        store.push(BOB, hash("bob", 1), NOW);
        store.forget(ALICE);
        assertThat(store.recent(BOB, 10)).containsExactly(hash("bob", 1));
    }
}
