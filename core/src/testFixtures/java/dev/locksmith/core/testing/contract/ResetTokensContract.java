package dev.locksmith.core.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.locksmith.core.domain.ConflictException;
import dev.locksmith.core.domain.Reason;
import dev.locksmith.core.domain.UserId;
import dev.locksmith.core.domain.Username;
import dev.locksmith.core.port.ResetTokens;
import dev.locksmith.core.port.ResetTokens.ResetToken;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ResetTokens} promises. Subclasses return a fresh, empty store from {@link #newResetTokens()}. */
public abstract class ResetTokensContract {
    private static final Instant NOW = Instant.parse("2031-05-06T07:08:09.123456Z");
    private static final UserId ALICE = UserId.random();
    private static final UserId BOB = UserId.random();

    private ResetTokens tokens;

    /** A fresh, empty store; called once per test. */
    protected abstract ResetTokens newResetTokens();

    @BeforeEach
    void createStore() {
        tokens = newResetTokens();
    }

    private static String hex(int n) {
        return String.format("%064x", n);
    }

    private static ResetToken token(int n, UserId user, Instant expiresAt) {
        return new ResetToken(
                hex(n), user, Username.of(user.equals(ALICE) ? "alice" : "bob"), hex(1000 + n), NOW, expiresAt);
    }

    @Test
    void a_stored_token_is_found_by_its_hash_with_every_field() {
        ResetToken stored = token(1, ALICE, NOW.plus(Duration.ofHours(1)));
        tokens.add(stored);
        assertThat(tokens.find(hex(1))).contains(stored);
        assertThat(tokens.find(hex(2))).isEmpty();
    }

    @Test
    void a_second_token_with_the_same_hash_is_refused_and_the_first_kept() {
        ResetToken first = token(1, ALICE, NOW.plus(Duration.ofHours(1)));
        tokens.add(first);
        assertThatThrownBy(() -> tokens.add(token(1, BOB, NOW.plus(Duration.ofHours(2)))))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.reason()).isEqualTo(Reason.ALREADY_EXISTS));
        assertThat(tokens.find(hex(1))).contains(first);
    }

    @Test
    void remove_answers_true_once_then_false() {
        tokens.add(token(1, ALICE, NOW.plus(Duration.ofHours(1))));
        assertThat(tokens.remove(hex(1))).isTrue();
        assertThat(tokens.remove(hex(1))).isFalse();
        assertThat(tokens.find(hex(1))).isEmpty();
    }

    @Test
    void remove_all_removes_only_that_users_tokens() {
        tokens.add(token(1, ALICE, NOW.plus(Duration.ofHours(1))));
        tokens.add(token(2, ALICE, NOW.plus(Duration.ofHours(1))));
        tokens.add(token(3, BOB, NOW.plus(Duration.ofHours(1))));
        tokens.removeAll(ALICE);
        assertThat(tokens.find(hex(1))).isEmpty();
        assertThat(tokens.find(hex(2))).isEmpty();
        assertThat(tokens.find(hex(3))).isPresent();
    }

    @Test
    void remove_expired_removes_tokens_expired_at_that_instant_and_counts_them() {
        tokens.add(token(1, ALICE, NOW.plusSeconds(10)));
        tokens.add(token(2, BOB, NOW.plusSeconds(20)));
        tokens.add(token(3, BOB, NOW.plusSeconds(30)));
        assertThat(tokens.removeExpired(NOW.plusSeconds(20))).isEqualTo(2);
        assertThat(tokens.find(hex(1))).isEmpty();
        assertThat(tokens.find(hex(2))).isEmpty();
        assertThat(tokens.find(hex(3))).isPresent();
        assertThat(tokens.removeExpired(NOW.plusSeconds(20))).isZero();
    }

    @Test
    void of_concurrent_removals_of_one_token_exactly_one_succeeds() throws Exception {
        int threads = 8;
        for (int round = 0; round < 5; round++) {
            tokens.add(token(round, ALICE, NOW.plus(Duration.ofHours(1))));
            String hash = hex(round);
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<Boolean>> results = new ArrayList<>();
                for (int i = 0; i < threads; i++) {
                    Callable<Boolean> task = () -> {
                        start.await();
                        return tokens.remove(hash);
                    };
                    results.add(pool.submit(task));
                }
                start.countDown();
                int removed = 0;
                for (Future<Boolean> result : results) {
                    removed += result.get(30, TimeUnit.SECONDS) ? 1 : 0;
                }
                assertThat(removed).as("round %d", round).isEqualTo(1);
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
