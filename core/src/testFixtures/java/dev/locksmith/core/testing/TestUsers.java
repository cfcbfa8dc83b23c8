package dev.locksmith.core.testing;

import dev.locksmith.core.domain.EmailAddress;
import dev.locksmith.core.domain.Lock;
import dev.locksmith.core.domain.LoginState;
import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.PasswordHash;
import dev.locksmith.core.domain.Permission;
import dev.locksmith.core.domain.Profile;
import dev.locksmith.core.domain.Source;
import dev.locksmith.core.domain.User;
import dev.locksmith.core.domain.UserId;
import dev.locksmith.core.domain.Username;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test data builders for users: {@code TestUsers.aUser().named("alice").administrator().build()}. A local
 * user built without an explicit hash gets the hash of {@link #DEFAULT_PASSWORD} made by a
 * {@link FakePasswordHasher} with default iterations (computed once). Builders are not thread-safe; the
 * shared default hash is.
 */
public final class TestUsers {
    /** The password of every local user built without an explicit hash. Not on any test blocklist. */
    public static final String DEFAULT_PASSWORD = "Tr0ub4dor&3 staple gazebo";

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private TestUsers() {}

    /** A new builder for an enabled local user without permissions, with a unique name. */
    public static Builder aUser() {
        return new Builder();
    }

    /** The hash of {@link #DEFAULT_PASSWORD}, computed once. */
    public static PasswordHash defaultHash() {
        return DefaultHash.VALUE;
    }

    private static final class DefaultHash {
        static final PasswordHash VALUE;

        static {
            try (Password password = Password.of(DEFAULT_PASSWORD)) {
                VALUE = new FakePasswordHasher().hash(password);
            }
        }
    }

    /** Builds a {@link User}. */
    public static final class Builder {
        private Username username = Username.of("user" + COUNTER.incrementAndGet());
        private String publicName = "";
        private String privateName = "";
        private Optional<EmailAddress> email = Optional.empty();
        private String comments = "";
        private final Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        private boolean enabled = true;
        private Source source = Source.local();
        private PasswordHash hash;
        private Optional<Instant> passwordChangedAt = Optional.of(TestClock.START.minus(Duration.ofDays(1)));
        private boolean mustChange;
        private Optional<Instant> temporaryUntil = Optional.empty();
        private int failedLogins;
        private Optional<Lock> lock = Optional.empty();

        private Builder() {}

        public Builder named(String name) {
            username = Username.of(name);
            return this;
        }

        public Builder displayNames(String publicName, String privateName) {
            this.publicName = publicName;
            this.privateName = privateName;
            return this;
        }

        public Builder displayName(String name) {
            return displayNames(name, name);
        }

        public Builder email(String address) {
            email = Optional.of(EmailAddress.of(address));
            return this;
        }

        public Builder comments(String text) {
            comments = text;
            return this;
        }

        public Builder administrator() {
            permissions.add(Permission.ADMINISTRATOR);
            return this;
        }

        /** Grants {@link Permission#SET_PASSWORDS}: a privileged user unless also an administrator. */
        public Builder privileged() {
            permissions.add(Permission.SET_PASSWORDS);
            return this;
        }

        public Builder disabled() {
            enabled = false;
            return this;
        }

        /** A user whose password lives in the named security provider (no local hash). */
        public Builder fromProvider(String provider) {
            source = Source.provider(provider);
            return this;
        }

        public Builder passwordHash(PasswordHash value) {
            hash = value;
            return this;
        }

        public Builder passwordChangedAt(Instant at) {
            passwordChangedAt = Optional.of(at);
            return this;
        }

        public Builder mustChangePassword() {
            mustChange = true;
            return this;
        }

        public Builder temporaryPasswordUntil(Instant until) {
            mustChange = true;
            temporaryUntil = Optional.of(until);
            return this;
        }

        public Builder failedLogins(int count) {
            failedLogins = count;
            return this;
        }

        /** Locked since {@code since}, until {@code until} (null: until reset); at least one failed login. */
        public Builder locked(Instant since, Instant until) {
            lock = Optional.of(new Lock(since, Optional.ofNullable(until)));
            failedLogins = Math.max(failedLogins, 1);
            return this;
        }

        /** The user's name (as it will be built). */
        public Username username() {
            return username;
        }

        public User build() {
            Profile profile = new Profile(publicName, privateName, email, comments);
            boolean local = source.isLocal();
            Optional<PasswordHash> storedHash =
                    local ? Optional.of(hash != null ? hash : defaultHash()) : Optional.empty();
            LoginState logins = new LoginState(
                    failedLogins, failedLogins > 0 ? lock.map(Lock::since) : Optional.empty(), lock, Optional.empty());
            return new User(
                    UserId.random(),
                    username,
                    profile,
                    permissions,
                    enabled,
                    source,
                    storedHash,
                    local ? passwordChangedAt : Optional.empty(),
                    local && mustChange,
                    local ? temporaryUntil : Optional.empty(),
                    logins,
                    0);
        }
    }
}
