package dev.locksmith.core.testing.contract;

import dev.locksmith.core.domain.Username;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the store ports' contracts share: a fresh, empty store before each test, and the names and the instant
 * their tests use (with microseconds, the precision every store keeps).
 *
 * @param <S> the port under test
 */
abstract class StoreContract<S> {
    static final Instant NOW = Instant.parse("2031-05-06T07:08:09.123456Z");
    static final Username ADMIN = Username.of("admin");
    static final Username ALICE = Username.of("alice");
    static final Username BOB = Username.of("bob");

    /** The store under test, fresh and empty for each test. */
    S store;

    /** The subclass's fresh, empty store. */
    abstract S freshStore();

    @BeforeEach
    void createStore() {
        store = freshStore();
    }
}
