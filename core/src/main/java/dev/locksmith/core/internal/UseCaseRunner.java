package dev.locksmith.core.internal;

import dev.locksmith.core.domain.AccessDeniedException;
import dev.locksmith.core.domain.AuditEvent;
import dev.locksmith.core.domain.Authorization;
import dev.locksmith.core.domain.ConflictException;
import dev.locksmith.core.domain.LocksmithException;
import dev.locksmith.core.domain.NotFoundException;
import dev.locksmith.core.domain.Operation;
import dev.locksmith.core.domain.PasswordPolicy;
import dev.locksmith.core.domain.Reason;
import dev.locksmith.core.domain.Source;
import dev.locksmith.core.domain.UnavailableException;
import dev.locksmith.core.domain.User;
import dev.locksmith.core.domain.Username;
import dev.locksmith.core.port.AuditTrail;
import dev.locksmith.core.port.PolicyStore;
import dev.locksmith.core.port.SecurityProviders;
import dev.locksmith.core.port.Transactions;
import dev.locksmith.core.port.UserAccounts;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one way a use case runs ({@link #run}): its transactions, the providers' claims asked before them, its
 * audit event, the start again when a fact changed during the slow step; and the authorization matrix as the
 * use cases apply it ({@link #requireActor}, {@link #requireTarget}, {@link #requireUnchanged}). It holds
 * only the ports that needs; a use case's own steps use the ports it is given. Built once by
 * {@code Locksmith}; immutable apart from the {@link AuditBacklog} it shares, and thread-safe.
 */
public final class UseCaseRunner {
    private static final System.Logger LOG = System.getLogger("dev.locksmith.core");

    private final Transactions transactions;
    private final UserAccounts users;
    private final PolicyStore policies;
    private final SecurityProviders providers;
    private final AuditTrail audit;
    private final AuditBacklog backlog;
    private final Clock clock;

    public UseCaseRunner(
            Transactions transactions,
            UserAccounts users,
            PolicyStore policies,
            SecurityProviders providers,
            AuditTrail audit,
            AuditBacklog backlog,
            Clock clock) {
        this.transactions = transactions;
        this.users = users;
        this.policies = policies;
        this.providers = providers;
        this.audit = audit;
        this.backlog = backlog;
        this.clock = clock;
    }

    /**
     * The security provider claiming this username, if any: the answer asked before the use case's first
     * transaction when there is one (a directory is slow work), else asked now.
     *
     * @throws UnavailableException {@code PROVIDER_UNREACHABLE} when a provider could not be asked
     */
    public Optional<Source.Provider> claimant(Execution run, Username username) {
        Optional<Execution.Claim> asked = run.claim(username);
        if (asked.isPresent()) {
            if (asked.get().failure() != null) {
                throw asked.get().failure();
            }
            return asked.get().provider();
        }
        return providers.claimant(username);
    }

    /** The actor as the matrix sees it, read fresh from the store; empty when the user does not exist. */
    public Optional<Authorization.Actor> actor(Execution run, Username username) {
        Optional<User> user = users.find(username);
        if (user.isEmpty()) {
            return Optional.empty();
        }
        Optional<PasswordPolicy> policy =
                user.get().source().isLocal() ? Optional.of(Policies.inForce(policies)) : Optional.empty();
        boolean changeRequired = policy.isPresent()
                && user.get().mustChangePasswordAt(run.now(), policy.get().maxAge());
        Optional<Source.Provider> claim;
        try {
            claim = claimant(run, username);
        } catch (UnavailableException e) {
            if (e.reason() != Reason.PROVIDER_UNREACHABLE) {
                throw e;
            }
            // Only the actor's own password paths depend on its claim: treat it as claimed (stricter).
            claim = Optional.of(Source.Provider.UNREACHABLE);
        }
        return Optional.of(new Authorization.Actor(user.get(), claim, changeRequired));
    }

    /**
     * Re-reads the actor and applies stage one of the matrix.
     *
     * @throws AccessDeniedException when the actor may not perform the action at all
     */
    public Authorization.Actor requireActor(Execution run, Username actor, Operation action) {
        Optional<Authorization.Actor> current = actor(run, actor);
        Authorization.decide(current, action).orThrow(action, Optional.empty());
        return current.orElseThrow();
    }

    /** The target as the matrix sees it (with the administrator count when the action needs it). */
    public Authorization.Target target(Execution run, User user, Operation action) {
        OptionalLong admins = action.needsAdministratorCount()
                ? OptionalLong.of(users.countEnabledAdministrators())
                : OptionalLong.empty();
        return new Authorization.Target(user, claimant(run, user.username()), admins);
    }

    /**
     * Looks the target up (only after stage one allowed the actor) and applies stage two of the matrix.
     *
     * @throws NotFoundException when the target does not exist
     * @throws AccessDeniedException when the matrix refuses
     */
    public User requireTarget(Execution run, Authorization.Actor actor, Operation action, Username target) {
        User user = users.find(target).orElseThrow(() -> new NotFoundException(target));
        requireAllowed(run, actor, action, user);
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
    public void requireAllowed(Execution run, Authorization.Actor actor, Operation action, User target) {
        Authorization.Target seen = target(run, target, action);
        Authorization.Actor deciding = action.needsAdministratorCount()
                ? requireActor(run, actor.user().username(), action)
                : actor;
        Authorization.decide(deciding, action, seen).orThrow(action, Optional.of(target.username()));
    }

    /**
     * The write step's check that the target is still the account the earlier steps read: the same identity
     * (a deleted and re-created user of the same name is another account) at the same version (nothing the
     * version guards changed: credentials, profile, permissions, enabled state). Then it re-applies stage two
     * of the matrix with the actor read again.
     *
     * @throws NotFoundException when the account is gone (even if another now has its name)
     * @throws Stale when it changed: the runner starts the use case again
     */
    public User requireUnchanged(Execution run, Authorization.Actor actor, Operation action, User read) {
        User current = users.find(read.username())
                .filter(u -> u.id().equals(read.id()))
                .orElseThrow(() -> new NotFoundException(read.username()));
        if (current.version() != read.version()) {
            throw new Stale();
        }
        requireAllowed(run, actor, action, current);
        return current;
    }

    /** How many times a use case whose facts changed during its slow step is started again. */
    static final int ATTEMPTS = 3;
    /**
     * Thrown by a write step when a fact an earlier step relied on has changed since it was read: the runner
     * rolls back and starts the use case again, at most {@value #ATTEMPTS} times in all, then answers
     * {@code CONFLICT}. Never escapes {@link #run}.
     */
    public static final class Stale extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Stale() {
            super("a fact read before the slow step changed", null, false, false);
        }
    }

    /**
     * Runs one use case without slow work: {@code work} and its success audit event in one transaction, then
     * the work registered for after the commit. See {@link #run(Operation, Optional, Optional, Function,
     * BiFunction)} for failures.
     */
    public <T> T run(
            Operation action, Optional<Username> actor, Optional<Username> target, Function<Execution, T> work) {
        return run(action, actor, target, run -> () -> null, (run, ignored) -> work.apply(run));
    }

    /**
     * Runs a use case without slow work that the actor performs ({@link #run(Operation, Optional, Optional,
     * Function)}): {@code work} runs once stage one of the matrix allowed the actor ({@link #requireActor}).
     */
    public <T> T runAs(
            Operation action,
            Username actor,
            Optional<Username> target,
            BiFunction<Execution, Authorization.Actor, T> work) {
        return run(action, Optional.of(actor), target, run -> work.apply(run, requireActor(run, actor, action)));
    }

    /**
     * Runs a use case in three steps ({@link #run(Operation, Optional, Optional, Function, BiFunction)}) that the
     * actor performs: {@code read} runs once stage one of the matrix allowed the actor ({@link #requireActor}).
     */
    public <S, T> T runAs(
            Operation action,
            Username actor,
            Optional<Username> target,
            BiFunction<Execution, Authorization.Actor, Supplier<S>> read,
            BiFunction<Execution, S, T> write) {
        return run(action, Optional.of(actor), target, run -> read.apply(run, requireActor(run, actor, action)), write);
    }

    /**
     * Runs a use case without slow work that the actor performs on the target ({@link #run(Operation, Optional,
     * Optional, Function)}): {@code work} runs once both stages of the matrix allowed the actor and the action
     * on the target ({@link #requireActor}, then {@link #requireTarget}).
     */
    public <T> T runOnTarget(Operation action, Username actor, Username target, OnTarget<T> work) {
        return run(action, Optional.of(actor), Optional.of(target), run -> {
            Authorization.Actor allowed = requireActor(run, actor, action);
            return work.apply(run, allowed, requireTarget(run, allowed, action, target));
        });
    }

    /** The work of a use case on a target, as {@link #runOnTarget} runs it. */
    @FunctionalInterface
    public interface OnTarget<T> {
        T apply(Execution run, Authorization.Actor actor, User target);
    }

    /**
     * Runs one use case in three steps, so that slow work never holds a database connection or transaction:
     * <ol>
     *   <li>{@code read}, in a short transaction: authorize and load what the slow step needs; refusals are
     *       thrown here. It returns the slow step.</li>
     *   <li>the slow step, with no transaction: hashing, verifying, estimating, waiting for the hashing gate.</li>
     *   <li>{@code write}, in a short transaction with the success audit event: it re-reads actor and target,
     *       authorizes again, checks that what the slow step relied on still holds (throwing {@link Stale} when
     *       not, which starts the use case again, {@value #ATTEMPTS} attempts in all, then {@code CONFLICT}),
     *       writes, and may register work to run before the commit (the mail) or after it.</li>
     * </ol>
     * Providers' claims on the actor and target usernames are asked once, before any transaction. On a
     * {@link LocksmithException} everything rolls back, a DENIED or FAILED event is recorded in a transaction of
     * its own (with the work registered by {@link Execution#withFailureEvent}), and the exception is rethrown;
     * any other runtime exception is treated the same way with the code {@code INTERNAL_ERROR}. When the store
     * itself is unavailable, the event is not waited for a second time: it is kept in memory and recorded with
     * the next use case that commits (the {@link AuditBacklog}).
     */
    public <S, T> T run(
            Operation action,
            Optional<Username> actor,
            Optional<Username> target,
            Function<Execution, Supplier<S>> read,
            BiFunction<Execution, S, T> write) {
        if (transactions.inProgress()) {
            // Joining the host's transaction would let the host commit a failed use case's partial changes, or
            // roll back its failure audit event: a use case is a unit of work of its own.
            throw new IllegalStateException("a use case cannot run inside a transaction that is already open on this"
                    + " thread; call it outside the host's transaction");
        }
        Map<Username, Execution.Claim> claims = askClaims(actor, target);
        for (int attempt = 1; ; attempt++) {
            Execution run = new Execution(clock.instant(), target, claims);
            try {
                Supplier<S> slow = transactions.inTransaction(() -> read.apply(run));
                S prepared = slow.get();
                T result = transactions.inTransaction(() -> {
                    T value = write.apply(run, prepared);
                    audit.record(new AuditEvent(
                            run.now(), actor, action, run.target(), run.outcome(), run.code(), run.details()));
                    run.beforeCommitWork().forEach(Runnable::run);
                    return value;
                });
                afterCommit(action, run);
                return result;
            } catch (Stale stale) {
                run.onFailureWork().forEach(Runnable::run);
                if (attempt < ATTEMPTS) {
                    LOG.log(
                            Level.DEBUG,
                            "{0}: facts changed during the slow step; attempt {1} of {2}",
                            action,
                            attempt + 1,
                            ATTEMPTS);
                    continue;
                }
                ConflictException conflict = new ConflictException(
                        Reason.CONFLICT,
                        "the user changed while the request was being processed, " + ATTEMPTS + " times; try again",
                        target.map(t -> Map.of("username", t.value())).orElse(Map.of()));
                recordFailure(
                        action,
                        actor,
                        run,
                        conflict,
                        AuditEvent.Outcome.FAILED,
                        conflict.reason().name(),
                        conflict.parameters());
                throw conflict;
            } catch (LocksmithException e) {
                run.onFailureWork().forEach(Runnable::run);
                recordFailure(
                        action,
                        actor,
                        run,
                        e,
                        e instanceof AccessDeniedException ? AuditEvent.Outcome.DENIED : AuditEvent.Outcome.FAILED,
                        e.reason().name(),
                        e.parameters());
                throw e;
            } catch (RuntimeException | Error e) {
                run.onFailureWork().forEach(Runnable::run);
                // Not a failure the ports promise (a bug, or an adapter breaking its contract): still rolled back
                // and still audited, by class name only, since its message is nobody's promise.
                if (e instanceof RuntimeException runtime) {
                    recordFailure(
                            action,
                            actor,
                            run,
                            runtime,
                            AuditEvent.Outcome.FAILED,
                            "INTERNAL_ERROR",
                            Map.of("exception", e.getClass().getName()));
                }
                throw e;
            }
        }
    }

    /** Asks the providers about the actor and target usernames, outside any transaction. */
    private Map<Username, Execution.Claim> askClaims(Optional<Username> actor, Optional<Username> target) {
        Map<Username, Execution.Claim> claims = new HashMap<>(4);
        List<Username> names = new ArrayList<>(2);
        actor.ifPresent(names::add);
        target.ifPresent(names::add);
        for (Username name : names) {
            if (!claims.containsKey(name)) {
                try {
                    claims.put(name, new Execution.Claim(providers.claimant(name), null));
                } catch (LocksmithException e) {
                    claims.put(name, new Execution.Claim(Optional.empty(), e));
                }
            }
        }
        return claims;
    }

    private void afterCommit(Operation action, Execution run) {
        for (Runnable after : run.afterCommitWork()) {
            try {
                after.run();
            } catch (RuntimeException e) {
                String reason = e instanceof LocksmithException le
                        ? le.reason().name()
                        : e.getClass().getName();
                LOG.log(
                        Level.WARNING,
                        "{0}: work after commit failed ({1}); the change stays committed",
                        action,
                        reason);
            }
        }
        backlog.flush();
    }

    private void recordFailure(
            Operation action,
            Optional<Username> actor,
            Execution execution,
            RuntimeException e,
            AuditEvent.Outcome outcome,
            String code,
            Map<String, String> parameters) {
        Map<String, String> details = new LinkedHashMap<>(execution.details());
        parameters.forEach((k, v) -> {
            if (details.size() < 16 && !k.isEmpty() && k.length() <= 64) {
                details.putIfAbsent(k, v.length() > 256 ? v.substring(0, 256) : v);
            }
        });
        AuditEvent event = new AuditEvent(execution.now(), actor, action, execution.target(), outcome, code, details);
        boolean storeDown = e instanceof LocksmithException le
                && (le.reason() == Reason.UNAVAILABLE || le.reason() == Reason.OUTCOME_UNKNOWN);
        if (storeDown && execution.withFailureEventWork().isEmpty()) {
            // The store just failed (a pool timeout, say): trying again now would make the caller wait a second
            // full timeout. The event is kept and recorded with the next use case that commits.
            backlog.keep(event);
            LOG.log(Level.DEBUG, "{0} {1}: {2} (audit event kept for later)", action, outcome, code);
            return;
        }
        try {
            transactions.run(() -> {
                execution.withFailureEventWork().forEach(Runnable::run);
                audit.record(event);
            });
        } catch (RuntimeException auditFailure) {
            e.addSuppressed(auditFailure);
            backlog.keep(event);
            LOG.log(
                    Level.ERROR,
                    "{0}: could not record the {1} audit event for {2}; kept for later",
                    action,
                    outcome,
                    code);
        }
        LOG.log(Level.DEBUG, "{0} {1}: {2}", action, outcome, code);
    }
}
