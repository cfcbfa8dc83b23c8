package dev.locksmith.core.internal;

import java.time.Instant;
import dev.locksmith.core.domain.Lock;
import dev.locksmith.core.domain.AccessDeniedException;
import dev.locksmith.core.domain.AuditEvent;
import dev.locksmith.core.domain.Authorization;
import dev.locksmith.core.domain.LocksmithException;
import dev.locksmith.core.domain.NotFoundException;
import dev.locksmith.core.domain.PasswordPolicy;
import dev.locksmith.core.domain.Source;
import dev.locksmith.core.domain.User;
import dev.locksmith.core.domain.Username;
import dev.locksmith.core.port.AuditTrail;
import dev.locksmith.core.port.Blocklist;
import dev.locksmith.core.port.Mailer;
import dev.locksmith.core.port.PasswordHasher;
import dev.locksmith.core.port.PasswordHistory;
import dev.locksmith.core.port.PolicyStore;
import dev.locksmith.core.port.SecurityProviders;
import dev.locksmith.core.port.StrengthEstimator;
import dev.locksmith.core.port.Transactions;
import dev.locksmith.core.port.UserAccounts;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * Everything the use cases share: the ports, the clock, the host's settings, and the one way a use case
 * runs ({@link #run}). Built once by {@code Locksmith}; immutable and thread-safe (the ports are).
 */
public final class Services {
    private static final System.Logger LOG = System.getLogger("dev.locksmith.core");

    private final UserAccounts users;
    private final PasswordHistory history;
    private final AuditTrail audit;
    private final PolicyStore policies;
    private final Transactions transactions;
    private final PasswordHasher hasher;
    private final Blocklist blocklist;
    private final Optional<StrengthEstimator> strengthEstimator;
    private final SecurityProviders providers;
    private final Mailer mailer;
    private final Clock clock;
    private final boolean notifyPasswordChanges;
    private final PasswordChecks checks;

    public Services(UserAccounts users, PasswordHistory history, AuditTrail audit, PolicyStore policies,
                    Transactions transactions, PasswordHasher hasher, Blocklist blocklist,
                    Optional<StrengthEstimator> strengthEstimator, SecurityProviders providers, Mailer mailer,
                    Clock clock, boolean notifyPasswordChanges) {
        this.users = Objects.requireNonNull(users, "users");
        this.history = Objects.requireNonNull(history, "history");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.policies = Objects.requireNonNull(policies, "policies");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.blocklist = Objects.requireNonNull(blocklist, "blocklist");
        this.strengthEstimator = Objects.requireNonNull(strengthEstimator, "strengthEstimator");
        this.providers = Objects.requireNonNull(providers, "providers");
        this.mailer = Objects.requireNonNull(mailer, "mailer");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.notifyPasswordChanges = notifyPasswordChanges;
        this.checks = new PasswordChecks(this);
    }

    public Transactions transactions() {
        return transactions;
    }

    /**
     * Counts one failed password check of the user (atomically in the store, with the policy's lockout) and,
     * when that check put a lock in place, records the ACCOUNT_LOCKED audit event. Call inside a transaction.
     */
    public UserAccounts.FailedLogin countFailedPasswordCheck(Username username, Instant now) {
        PasswordPolicy policy = policy();
        UserAccounts.FailedLogin failed = users.recordFailedLogin(username, now, policy.lockoutThreshold(),
                policy.lockoutDuration());
        if (failed.lockedNow()) {
            audit.record(new AuditEvent(now, Optional.empty(), AuditEvent.Action.ACCOUNT_LOCKED,
                    Optional.of(username), AuditEvent.Outcome.SUCCESS, "LOCKED",
                    Map.of("failedLogins", String.valueOf(failed.user().failedLogins()),
                            "until", failed.user().lock().flatMap(Lock::until).map(Instant::toString).orElse("reset"))));
        }
        return failed;
    }

    public UserAccounts users() {
        return users;
    }

    public PasswordHistory history() {
        return history;
    }

    public AuditTrail audit() {
        return audit;
    }

    public PolicyStore policies() {
        return policies;
    }

    public PasswordHasher hasher() {
        return hasher;
    }

    public Blocklist blocklist() {
        return blocklist;
    }

    public Optional<StrengthEstimator> strengthEstimator() {
        return strengthEstimator;
    }

    public Mailer mailer() {
        return mailer;
    }

    public Clock clock() {
        return clock;
    }

    /** Whether the host asked for "your password was changed" notices. */
    public boolean notifyPasswordChanges() {
        return notifyPasswordChanges;
    }

    public PasswordChecks checks() {
        return checks;
    }

    /** The stored policy, or the NIST default when none was ever saved. */
    public PasswordPolicy policy() {
        return policies.load().orElseGet(PasswordPolicy::nistDefault);
    }

    /** The security provider claiming this username, if any. */
    public Optional<Source.Provider> claimant(Username username) {
        return providers.claimant(username);
    }

    /** The actor as the matrix sees it, read fresh from the store; empty when the user does not exist. */
    public Optional<Authorization.Actor> actor(Username username) {
        return users.find(username).map(u -> new Authorization.Actor(u, providers.claimant(u.username())));
    }

    /**
     * Re-reads the actor and applies stage one of the matrix.
     *
     * @throws AccessDeniedException when the actor may not perform the action at all
     */
    public Authorization.Actor requireActor(Username actor, Authorization.Action action) {
        Optional<Authorization.Actor> current = actor(actor);
        Authorization.decide(current, action).orThrow(action, Optional.empty());
        return current.orElseThrow();
    }

    /** The target as the matrix sees it (with the administrator count when the action needs it). */
    public Authorization.Target target(User user, Authorization.Action action) {
        OptionalLong admins = action.needsAdministratorCount()
                ? OptionalLong.of(users.countEnabledAdministrators()) : OptionalLong.empty();
        return new Authorization.Target(user, providers.claimant(user.username()), admins);
    }

    /**
     * Looks the target up (only after stage one allowed the actor) and applies stage two of the matrix.
     *
     * @throws NotFoundException when the target does not exist
     * @throws AccessDeniedException when the matrix refuses
     */
    public User requireTarget(Authorization.Actor actor, Authorization.Action action, Username target) {
        User user = users.find(target).orElseThrow(() -> new NotFoundException(target));
        requireAllowed(actor, action, user);
        return user;
    }

    /**
     * Stage two of the matrix for a target already read. An action that counts administrators decides with
     * the actor read again after the count: counting waits for concurrent transactions that changed an
     * administrator (the actor, an administrator, among them) and protects those rows until this one ends, so
     * only an actor read after it is known to be still enabled and still an administrator. Without this, two
     * administrators removing each other at once could both succeed on a stale view of themselves.
     *
     * @throws AccessDeniedException when the matrix refuses
     */
    public void requireAllowed(Authorization.Actor actor, Authorization.Action action, User target) {
        Authorization.Target seen = target(target, action);
        Authorization.Actor deciding = action.needsAdministratorCount()
                ? requireActor(actor.user().username(), action) : actor;
        Authorization.decide(deciding, action, seen).orThrow(action, Optional.of(target.username()));
    }

    /**
     * Runs one use case: {@code work} and its success audit event in one transaction, then the work
     * registered for after the commit. On a {@link LocksmithException} the transaction rolls back, a
     * DENIED or FAILED event is recorded in a transaction of its own, and the exception is rethrown; any other
     * runtime exception is treated the same way with the code {@code INTERNAL_ERROR}.
     */
    public <T> T run(AuditEvent.Action action, Optional<Username> actor, Optional<Username> target,
                     Function<Execution, T> work) {
        if (transactions.inProgress()) {
            // Joining the host's transaction would let the host commit a failed use case's partial changes, or
            // roll back its failure audit event: a use case is a unit of work of its own.
            throw new IllegalStateException("a use case cannot run inside a transaction that is already open on this"
                    + " thread; call it outside the host's transaction");
        }
        Execution execution = new Execution(clock.instant(), target);
        T result;
        try {
            result = transactions.inTransaction(() -> {
                T value = work.apply(execution);
                audit.record(new AuditEvent(execution.now(), actor, action, execution.target(),
                        execution.outcome(), execution.code(), execution.details()));
                execution.beforeCommitWork().forEach(Runnable::run);
                return value;
            });
        } catch (LocksmithException e) {
            recordFailure(action, actor, execution, e, e instanceof AccessDeniedException
                    ? AuditEvent.Outcome.DENIED : AuditEvent.Outcome.FAILED, e.reason().name(), e.parameters());
            throw e;
        } catch (RuntimeException e) {
            // Not a failure the ports promise (a bug, or an adapter breaking its contract): still rolled back
            // and still audited, by class name only, since its message is nobody's promise.
            recordFailure(action, actor, execution, e, AuditEvent.Outcome.FAILED, "INTERNAL_ERROR",
                    Map.of("exception", e.getClass().getName()));
            throw e;
        }
        for (Runnable after : execution.afterCommitWork()) {
            try {
                after.run();
            } catch (RuntimeException e) {
                String reason = e instanceof LocksmithException le ? le.reason().name() : e.getClass().getName();
                LOG.log(Level.WARNING, "{0}: work after commit failed ({1}); the change stays committed", action, reason);
            }
        }
        return result;
    }

    private void recordFailure(AuditEvent.Action action, Optional<Username> actor, Execution execution, RuntimeException e,
                               AuditEvent.Outcome outcome, String code, Map<String, String> parameters) {
        Map<String, String> details = new LinkedHashMap<>(execution.details());
        parameters.forEach((k, v) -> {
            if (details.size() < 16 && !k.isEmpty() && k.length() <= 64) {
                details.putIfAbsent(k, v.length() > 256 ? v.substring(0, 256) : v);
            }
        });
        try {
            transactions.run(() -> audit.record(new AuditEvent(execution.now(), actor, action, execution.target(),
                    outcome, code, details)));
        } catch (RuntimeException auditFailure) {
            e.addSuppressed(auditFailure);
            LOG.log(Level.ERROR, "{0}: could not record the {1} audit event for {2}", action, outcome, code);
        }
        LOG.log(Level.DEBUG, "{0} {1}: {2}", action, outcome, code);
    }
}
