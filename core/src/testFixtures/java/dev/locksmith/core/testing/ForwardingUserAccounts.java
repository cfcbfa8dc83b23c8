package dev.locksmith.core.testing;

import dev.locksmith.core.domain.LoginState;
import dev.locksmith.core.domain.Page;
import dev.locksmith.core.domain.PasswordHash;
import dev.locksmith.core.domain.User;
import dev.locksmith.core.domain.UserId;
import dev.locksmith.core.domain.UserSearch;
import dev.locksmith.core.domain.Username;
import dev.locksmith.core.port.UserAccounts;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link UserAccounts} that passes every call to another one: a test overrides the calls it hooks (to fail,
 * to wait at a barrier, to count) and the rest reach the real store. As thread-safe as the store it wraps.
 */
public abstract class ForwardingUserAccounts implements UserAccounts {
    private final UserAccounts delegate;

    /** Forwards to {@code delegate}. */
    protected ForwardingUserAccounts(UserAccounts delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /** The store every call goes to. */
    protected final UserAccounts delegate() {
        return delegate;
    }

    @Override
    public Optional<User> find(Username username) {
        return delegate.find(username);
    }

    @Override
    public void add(User user) {
        delegate.add(user);
    }

    @Override
    public User update(User user) {
        return delegate.update(user);
    }

    @Override
    public void remove(UserId id, long expectedVersion) {
        delegate.remove(id, expectedVersion);
    }

    @Override
    public FailedLogin recordFailedLogin(UserId id, Instant now, LoginState.Rule rule) {
        return delegate.recordFailedLogin(id, now, rule);
    }

    @Override
    public LoginState resetFailedLogins(UserId id) {
        return delegate.resetFailedLogins(id);
    }

    @Override
    public void recordSuccessfulLogin(UserId id, Instant now) {
        delegate.recordSuccessfulLogin(id, now);
    }

    @Override
    public boolean replaceHash(UserId id, PasswordHash expected, PasswordHash replacement) {
        return delegate.replaceHash(id, expected, replacement);
    }

    @Override
    public Page<User> search(UserSearch search) {
        return delegate.search(search);
    }

    @Override
    public long countEnabledAdministrators() {
        return delegate.countEnabledAdministrators();
    }
}
