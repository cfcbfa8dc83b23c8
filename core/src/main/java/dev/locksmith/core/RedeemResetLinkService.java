package dev.locksmith.core;

import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.Operation;
import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.PasswordHash;
import dev.locksmith.core.domain.PasswordPolicy;
import dev.locksmith.core.domain.User;
import dev.locksmith.core.internal.Execution;
import dev.locksmith.core.internal.Notices;
import dev.locksmith.core.internal.PasswordChecks;
import dev.locksmith.core.internal.Policies;
import dev.locksmith.core.internal.ResetLinks;
import dev.locksmith.core.internal.UseCaseRunner;
import dev.locksmith.core.port.PasswordHistory;
import dev.locksmith.core.port.PolicyStore;
import dev.locksmith.core.port.ResetTokens;
import dev.locksmith.core.port.UserAccounts;
import dev.locksmith.core.usecase.RedeemResetLink;
import java.time.Instant;
import java.util.Optional;

/** The implementation of {@link RedeemResetLink}, built by {@link Locksmith}; not API. Thread-safe. */
record RedeemResetLinkService(
        UseCaseRunner runner,
        UserAccounts users,
        PasswordHistory history,
        PolicyStore policies,
        PasswordChecks checks,
        Notices notices,
        Optional<ResetTokens> tokens)
        implements RedeemResetLink {
    @Override
    public Result execute(Command command) {
        InvalidInputException.requireNonNull(command, "command");
        try (Password password = command.newPassword()) {
            ResetTokens store = ResetLinks.requireStore(tokens);
            return runner.run(
                    Operation.REDEEM_RESET_LINK,
                    Optional.empty(),
                    Optional.empty(),
                    run -> {
                        String hash = tokenHash(run, command.token());
                        ResetTokens.ResetToken stored =
                                store.find(hash).orElseThrow(() -> refuse(run, "UNKNOWN_OR_USED"));
                        run.target(stored.username());
                        User user = readUser(run, stored);
                        PasswordPolicy policy = Policies.inForce(policies);
                        PasswordChecks.Earlier earlier = checks.earlierPasswords(user, policy);
                        return () -> new Checked(hash, user, checks.hashOwnChange(password, policy, user, earlier));
                    },
                    (run, checked) -> {
                        User current = users.find(checked.user().username())
                                .filter(u -> u.id().equals(checked.user().id()))
                                .filter(u ->
                                        u.passwordHash().equals(checked.user().passwordHash()))
                                .filter(User::enabled)
                                .orElseThrow(UseCaseRunner.Stale::new);
                        if (!store.remove(checked.tokenHash())) {
                            throw refuse(run, "UNKNOWN_OR_USED");
                        }
                        Instant now = run.now();
                        PasswordHash old = current.passwordHash().orElseThrow();
                        history.push(current.username(), old, now);
                        User updated = users.update(current.passwordChangedBySelf(checked.hash(), now));
                        users.resetFailedLogins(updated.id());
                        store.removeAll(updated.id());
                        run.afterCommit(() -> notices.passwordChanged(updated, now, true));
                        return new Result(updated.username());
                    });
        }
    }

    private static String tokenHash(Execution run, String token) {
        try {
            return ResetLinks.hash(token);
        } catch (InvalidInputException e) {
            throw refuse(run, "MALFORMED");
        }
    }

    /** The link's user as it is now, if the link still works for it. */
    private User readUser(Execution run, ResetTokens.ResetToken stored) {
        if (stored.expiredAt(run.now())) {
            throw refuse(run, "EXPIRED");
        }
        User user = users.find(stored.username())
                .filter(u -> u.id().equals(stored.user()))
                .orElseThrow(() -> refuse(run, "USER_GONE"));
        if (!user.source().isLocal() || runner.claimant(run, user.username()).isPresent()) {
            throw refuse(run, "NOT_LOCAL");
        }
        if (!ResetLinks.credential(user).equals(stored.credential())) {
            throw refuse(run, "PASSWORD_CHANGED");
        }
        if (!user.enabled()) {
            throw refuse(run, "DISABLED");
        }
        return user;
    }

    private static InvalidInputException refuse(Execution run, String why) {
        run.detail("why", why);
        return new InvalidInputException("token", "the reset link is invalid, used or expired");
    }

    private record Checked(String tokenHash, User user, PasswordHash hash) {}
}
