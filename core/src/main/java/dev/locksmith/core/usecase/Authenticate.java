package dev.locksmith.core.usecase;

import dev.locksmith.core.domain.AuditEvent;
import dev.locksmith.core.domain.ConflictException;
import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.PasswordHash;
import dev.locksmith.core.domain.PasswordPolicy;
import dev.locksmith.core.domain.Source;
import dev.locksmith.core.domain.User;
import dev.locksmith.core.domain.Username;
import dev.locksmith.core.internal.Services;
import dev.locksmith.core.port.UserAccounts;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Verifies a login. Unknown usernames cost the same as known ones (a verification against a dummy hash);
 * a wrong password counts as a failed login (atomically, locking at the policy's threshold) and that count
 * commits, since it is an outcome and not a failure; the outcome tells the caller no more than the host
 * should show (see {@link AuthenticationOutcome}), the detail goes to the audit trail. A success resets the
 * count and upgrades the stored hash when the hasher says it is outdated. Provider users (by record or by a
 * provider's claim) are sent to their provider without touching any password. Thread-safe.
 */
public final class Authenticate {
    private static final System.Logger LOG = System.getLogger("dev.locksmith.core");

    private final Services services;
    private volatile PasswordHash dummyHash;

    /** Obtained from {@code Locksmith#authenticate()}; the constructor is not API. */
    @SuppressWarnings("exports")
    public Authenticate(Services services) {
        this.services = Objects.requireNonNull(services, "services");
    }

    /**
     * A login attempt. Ownership of {@code password} passes to the use case, which wipes it when it returns
     * or throws.
     */
    public record Command(Username username, Password password) {
        public Command {
            InvalidInputException.requireNonNull(username, "username");
            InvalidInputException.requireNonNull(password, "password");
        }
    }

    /**
     * Verifies the login and records its outcome.
     *
     * @throws dev.locksmith.core.domain.UnavailableException when a store or the hasher fails, or the stored
     *     hash is unreadable ({@code HASH_UNSUPPORTED})
     */
    public AuthenticationOutcome execute(Command command) {
        InvalidInputException.requireNonNull(command, "command");
        Password password = command.password();
        try {
            return services.run(AuditEvent.Action.AUTHENTICATE, Optional.empty(), Optional.of(command.username()),
                    run -> attempt(command.username(), password, run));
        } finally {
            password.wipe();
        }
    }

    private AuthenticationOutcome attempt(Username username, Password password, dev.locksmith.core.internal.Execution run) {
        Optional<User> found = services.users().find(username);
        Optional<Source.Provider> claimant = services.claimant(username);
        Optional<Source.Provider> provider = found.isPresent() && found.get().source() instanceof Source.Provider p
                ? Optional.of(p) : claimant;
        if (provider.isPresent()) {
            if (found.isPresent() && !found.get().enabled()) {
                run.outcome(AuditEvent.Outcome.REJECTED, "DISABLED");
                return new AuthenticationOutcome.Disabled();
            }
            run.outcome(AuditEvent.Outcome.REJECTED, "USE_PROVIDER");
            run.detail("provider", provider.get().name());
            return new AuthenticationOutcome.UseProvider(provider.get().name());
        }
        if (found.isEmpty()) {
            // Same cost as a real check, so response time does not tell whether the user exists. The audit
            // event names no target: what was typed as a username is sometimes a password.
            run.clearTarget();
            services.hasher().verify(password, dummyHash());
            run.outcome(AuditEvent.Outcome.REJECTED, "UNKNOWN_USER");
            return new AuthenticationOutcome.Rejected();
        }
        User user = found.get();
        Instant now = run.now();
        PasswordPolicy policy = services.policy();
        PasswordHash hash = user.passwordHash().orElseThrow();
        // A disabled or locked account answers the same whether the password is right or wrong: otherwise the
        // lock would still tell an attacker which guess was right. The dummy check keeps the timing equal.
        if (!user.enabled()) {
            services.hasher().verify(password, dummyHash());
            run.outcome(AuditEvent.Outcome.REJECTED, "DISABLED");
            return new AuthenticationOutcome.Disabled();
        }
        if (user.isLockedAt(now)) {
            services.hasher().verify(password, dummyHash());
            run.outcome(AuditEvent.Outcome.REJECTED, "LOCKED");
            return new AuthenticationOutcome.Locked(user.lock().flatMap(l -> l.until()));
        }
        if (!services.hasher().verify(password, hash)) {
            UserAccounts.FailedLogin failed = services.countFailedPasswordCheck(username, now);
            run.outcome(AuditEvent.Outcome.REJECTED, "WRONG_PASSWORD");
            run.detail("failedLogins", failed.user().failedLogins());
            // Locked by this failure, or by another that landed during the check: a right password overtaken
            // by a lock answers Locked too, so the answer tells nothing about which guess was right.
            if (failed.lockedNow() || failed.user().isLockedAt(now)) {
                return new AuthenticationOutcome.Locked(failed.user().lock().flatMap(l -> l.until()));
            }
            return new AuthenticationOutcome.Rejected();
        }
        // The check takes tens of milliseconds by design: a lock, a disable or a new password may have landed
        // meanwhile (a burst of guesses against the same account, say). The answer goes by the user as it is now.
        Optional<User> current = services.users().find(username);
        Optional<AuthenticationOutcome> overtaken = overtaken(user, current, now, run);
        if (overtaken.isPresent()) {
            return overtaken.get();
        }
        user = current.orElseThrow();
        if (user.temporaryPasswordExpiredAt(now)) {
            run.outcome(AuditEvent.Outcome.REJECTED, "TEMPORARY_PASSWORD_EXPIRED");
            return new AuthenticationOutcome.TemporaryPasswordExpired();
        }
        overtaken = succeed(user, password, now, run);
        if (overtaken.isPresent()) {
            return overtaken.get();
        }
        if (user.mustChangePassword()) {
            run.outcome(AuditEvent.Outcome.SUCCESS, "MUST_CHANGE_PASSWORD");
            return new AuthenticationOutcome.MustChangePassword(username);
        }
        if (policy.maxAge().isPresent() && user.passwordExpiredAt(now, policy.maxAge().get())) {
            run.outcome(AuditEvent.Outcome.SUCCESS, "PASSWORD_EXPIRED");
            return new AuthenticationOutcome.PasswordExpired(username);
        }
        return new AuthenticationOutcome.Authenticated(username);
    }

    /**
     * Resets the failed count and upgrades an outdated hash. When a concurrent change won the write, the user
     * is read again: a lock, a disable or a new password that landed meanwhile decides the answer; any other
     * change (a parallel login, a reset) stands and the login succeeds, the hash being upgraded at a later one.
     */
    private Optional<AuthenticationOutcome> succeed(User user, Password password, Instant now,
                                                    dev.locksmith.core.internal.Execution run) {
        boolean rehash = services.hasher().needsRehash(user.passwordHash().orElseThrow());
        boolean reset = user.failedLogins() > 0 || user.lock().isPresent();
        if (!rehash && !reset) {
            return Optional.empty();
        }
        User changed = reset ? user.resetFailedLogins() : user;
        if (rehash) {
            changed = changed.rehashed(services.hasher().hash(password));
        }
        try {
            services.users().update(changed);
            run.detail("rehashed", rehash);
            return Optional.empty();
        } catch (ConflictException e) {
            LOG.log(System.Logger.Level.DEBUG, "login of {0}: concurrent change, stored user left as is", user.username());
            run.detail("rehashed", false);
            return overtaken(user, services.users().find(user.username()), now, run);
        }
    }

    /**
     * The answer when the user as read again ({@code current}) no longer lets {@code verified} (the record
     * the password was checked against) log in: gone or given another password (rejected, without counting a
     * failure: the password was right when typed), disabled, or locked. Empty when the login may go on.
     */
    private Optional<AuthenticationOutcome> overtaken(User verified, Optional<User> current, Instant now,
                                                      dev.locksmith.core.internal.Execution run) {
        if (current.isEmpty() || !current.get().passwordHash().equals(verified.passwordHash())) {
            run.outcome(AuditEvent.Outcome.REJECTED, "PASSWORD_CHANGED");
            return Optional.of(new AuthenticationOutcome.Rejected());
        }
        User user = current.get();
        if (!user.enabled()) {
            run.outcome(AuditEvent.Outcome.REJECTED, "DISABLED");
            return Optional.of(new AuthenticationOutcome.Disabled());
        }
        if (user.isLockedAt(now)) {
            run.outcome(AuditEvent.Outcome.REJECTED, "LOCKED");
            return Optional.of(new AuthenticationOutcome.Locked(user.lock().flatMap(l -> l.until())));
        }
        return Optional.empty();
    }

    /** The hash unknown usernames are verified against, made once with the configured hasher. */
    private PasswordHash dummyHash() {
        PasswordHash hash = dummyHash;
        if (hash == null) {
            synchronized (this) {
                hash = dummyHash;
                if (hash == null) {
                    byte[] random = new byte[24];
                    new SecureRandom().nextBytes(random);
                    try (Password dummy = Password.of(Base64.getEncoder().encodeToString(random))) {
                        hash = services.hasher().hash(dummy);
                    }
                    dummyHash = hash;
                }
            }
        }
        return hash;
    }
}
