package dev.locksmith.core;

import dev.locksmith.core.domain.AuditEvent;
import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.Operation;
import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.PasswordHash;
import dev.locksmith.core.domain.PasswordPolicy;
import dev.locksmith.core.domain.Reason;
import dev.locksmith.core.domain.Source;
import dev.locksmith.core.domain.UnavailableException;
import dev.locksmith.core.domain.User;
import dev.locksmith.core.domain.Username;
import dev.locksmith.core.internal.Execution;
import dev.locksmith.core.internal.FailedPasswordChecks;
import dev.locksmith.core.internal.Policies;
import dev.locksmith.core.internal.UseCaseRunner;
import dev.locksmith.core.internal.Verifier;
import dev.locksmith.core.port.PasswordHasher;
import dev.locksmith.core.port.PolicyStore;
import dev.locksmith.core.port.SecurityProviders;
import dev.locksmith.core.port.UserAccounts;
import dev.locksmith.core.usecase.Authenticate;
import dev.locksmith.core.usecase.AuthenticationOutcome;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/** The implementation of {@link Authenticate}, built by {@link Locksmith}; not API. Thread-safe. */
record AuthenticateService(
        UseCaseRunner runner,
        UserAccounts users,
        PolicyStore policies,
        SecurityProviders providers,
        PasswordHasher hasher,
        Verifier verifier,
        FailedPasswordChecks failedChecks)
        implements Authenticate {
    @Override
    public AuthenticationOutcome execute(Command command) {
        InvalidInputException.requireNonNull(command, "command");
        Username username = command.username();
        try (Password password = command.password()) {
            return runner.run(
                    Operation.AUTHENTICATE,
                    Optional.empty(),
                    Optional.of(username),
                    run -> read(run, username, password),
                    (run, checked) -> write(run, username, checked));
        }
    }

    /** What the check found, for the write step to decide on. */
    private sealed interface Checked {}

    /** No such user (and no provider claims the name): a dummy check was made. */
    private record Unknown() implements Checked {}

    /** A provider may claim the name but could not be asked. */
    private record ClaimUnknown() implements Checked {}

    /** A provider user: what the provider said (the user may have no local record). */
    private record ProviderChecked(Optional<User> user, Source.Provider provider, SecurityProviders.ProviderLogin login)
            implements Checked {}

    /** A local user checked against the stored hash, with the replacement hash when one is due. */
    private record LocalChecked(
            User user, PasswordPolicy policy, Verifier.Verification verification, Optional<PasswordHash> rehash)
            implements Checked {}

    private Supplier<Checked> read(Execution run, Username username, Password password) {
        Optional<User> found = users.find(username);
        Optional<Source.Provider> claimant;
        try {
            claimant = runner.claimant(run, username);
        } catch (UnavailableException e) {
            if (e.reason() != Reason.PROVIDER_UNREACHABLE) {
                throw e;
            }
            return () -> {
                verifier.verifyDummy(password);
                return new ClaimUnknown();
            };
        }
        Optional<Source.Provider> provider =
                found.isPresent() && found.get().source() instanceof Source.Provider p ? Optional.of(p) : claimant;
        if (provider.isPresent()) {
            return () -> new ProviderChecked(found, provider.get(), providerLogin(provider.get(), username, password));
        }
        if (found.isEmpty()) {
            return () -> {
                verifier.verifyDummy(password);
                return new Unknown();
            };
        }
        User user = found.get();
        PasswordPolicy policy = Policies.inForce(policies);
        return () -> {
            Verifier.Verification verification =
                    verifier.verify(password, user.passwordHash().orElseThrow());
            Optional<PasswordHash> rehash = verification.matched() && verification.needsRehash()
                    ? Optional.of(hasher.hash(password))
                    : Optional.empty();
            return new LocalChecked(user, policy, verification, rehash);
        };
    }

    /** The provider's own check; an empty password is never sent to it (an unauthenticated bind "succeeds"). */
    private SecurityProviders.ProviderLogin providerLogin(
            Source.Provider provider, Username username, Password password) {
        if (password.codePointCount() == 0) {
            return new SecurityProviders.ProviderLogin.Rejected(provider);
        }
        SecurityProviders.ProviderLogin login = providers.authenticate(provider, username, password);
        if (login instanceof SecurityProviders.ProviderLogin.NotSupported) {
            // Same cost as a real check, so response time does not tell a directory user from a local one.
            verifier.verifyDummy(password);
        }
        return login;
    }

    private AuthenticationOutcome write(Execution run, Username username, Checked checked) {
        if (checked instanceof Unknown) {
            // The audit event names no target: what was typed as a username is sometimes a password.
            run.clearTarget();
            return rejected(run, "UNKNOWN_USER");
        }
        if (checked instanceof ClaimUnknown) {
            run.outcome(AuditEvent.Outcome.REJECTED, "PROVIDER_UNREACHABLE");
            return new AuthenticationOutcome.ProviderUnavailable(Optional.empty());
        }
        if (checked instanceof ProviderChecked provider) {
            return provider(run, username, provider);
        }
        return local(run, username, (LocalChecked) checked);
    }

    private AuthenticationOutcome provider(Execution run, Username username, ProviderChecked checked) {
        String name = checked.provider().name();
        run.detail("provider", name);
        Optional<User> user = checked.user().flatMap(u -> current(username, u));
        SecurityProviders.ProviderLogin login = checked.login();
        if (login instanceof SecurityProviders.ProviderLogin.Unreachable) {
            run.outcome(AuditEvent.Outcome.REJECTED, "PROVIDER_UNREACHABLE");
            return new AuthenticationOutcome.ProviderUnavailable(Optional.of(name));
        }
        if (login instanceof SecurityProviders.ProviderLogin.Rejected) {
            if (user.isPresent()) {
                countFailure(run, user.get(), Policies.inForce(policies));
            }
            return rejected(run, "WRONG_PASSWORD");
        }
        if (user.isPresent() && !user.get().enabled()) {
            run.outcome(AuditEvent.Outcome.REJECTED, "DISABLED");
            return new AuthenticationOutcome.Disabled();
        }
        if (login instanceof SecurityProviders.ProviderLogin.NotSupported) {
            run.outcome(AuditEvent.Outcome.REJECTED, "USE_PROVIDER");
            return new AuthenticationOutcome.UseProvider(name);
        }
        if (user.isPresent() && user.get().isLockedAt(run.now())) {
            return rejected(run, "LOCKED");
        }
        user.ifPresent(u -> users.recordSuccessfulLogin(u.id(), run.now()));
        return new AuthenticationOutcome.Authenticated(username, Optional.of(name));
    }

    private AuthenticationOutcome local(Execution run, Username username, LocalChecked checked) {
        Instant now = run.now();
        Optional<User> current = current(username, checked.user());
        if (current.isEmpty()) {
            return rejected(run, "PASSWORD_CHANGED");
        }
        User user = current.get();
        if (!checked.verification().matched()) {
            run.detail("enabled", user.enabled());
            run.detail("locked", user.isLockedAt(now));
            countFailure(run, user, checked.policy());
            return rejected(run, "WRONG_PASSWORD");
        }
        // The check takes tens of milliseconds by design: the answer goes by the user as stored now.
        if (!user.passwordHash().equals(checked.user().passwordHash())) {
            return rejected(run, "PASSWORD_CHANGED");
        }
        if (!user.enabled()) {
            run.outcome(AuditEvent.Outcome.REJECTED, "DISABLED");
            return new AuthenticationOutcome.Disabled();
        }
        if (user.isLockedAt(now)) {
            // Rejected like a wrong password, so the lock tells nobody which guess was right.
            return rejected(run, "LOCKED");
        }
        if (user.temporaryPasswordExpiredAt(now)) {
            run.outcome(AuditEvent.Outcome.REJECTED, "TEMPORARY_PASSWORD_EXPIRED");
            return new AuthenticationOutcome.TemporaryPasswordExpired();
        }
        users.recordSuccessfulLogin(user.id(), now);
        boolean rehashed = checked.rehash().isPresent()
                && users.replaceHash(
                        user.id(),
                        user.passwordHash().orElseThrow(),
                        checked.rehash().get());
        run.detail("rehashed", rehashed);
        PasswordPolicy policy = checked.policy();
        if (user.mustChangePassword()) {
            run.outcome(AuditEvent.Outcome.SUCCESS, "MUST_CHANGE_PASSWORD");
            return new AuthenticationOutcome.MustChangePassword(username);
        }
        if (policy.maxAge().isPresent()
                && user.passwordExpiredAt(now, policy.maxAge().get())) {
            run.outcome(AuditEvent.Outcome.SUCCESS, "PASSWORD_EXPIRED");
            return new AuthenticationOutcome.PasswordExpired(username);
        }
        return new AuthenticationOutcome.Authenticated(username);
    }

    /** The user as stored now, if it is still the account that was read (same identity). */
    private Optional<User> current(Username username, User read) {
        return users.find(username).filter(u -> u.id().equals(read.id()));
    }

    private void countFailure(Execution run, User user, PasswordPolicy policy) {
        UserAccounts.FailedLogin failed = failedChecks.count(user, policy, run.now());
        run.detail("failedLogins", failed.logins().failedLogins());
        if (failed.lockedNow()) {
            run.detail("lockedNow", true);
        }
    }

    private static AuthenticationOutcome rejected(Execution run, String code) {
        run.outcome(AuditEvent.Outcome.REJECTED, code);
        return new AuthenticationOutcome.Rejected();
    }
}
