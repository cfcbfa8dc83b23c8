package dev.locksmith.core;

import dev.locksmith.core.domain.Authorization;
import dev.locksmith.core.domain.EmailAddress;
import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.MailException;
import dev.locksmith.core.domain.Operation;
import dev.locksmith.core.domain.User;
import dev.locksmith.core.internal.Policies;
import dev.locksmith.core.internal.ResetLinks;
import dev.locksmith.core.internal.UseCaseRunner;
import dev.locksmith.core.port.Mailer;
import dev.locksmith.core.port.PolicyStore;
import dev.locksmith.core.port.ResetTokens;
import dev.locksmith.core.usecase.IssueResetLink;
import java.time.Instant;
import java.util.Optional;

/** The implementation of {@link IssueResetLink}, built by {@link Locksmith}; not API. Thread-safe. */
record IssueResetLinkService(UseCaseRunner runner, PolicyStore policies, Mailer mailer, Optional<ResetTokens> tokens)
        implements IssueResetLink {
    @Override
    public Result execute(Command command) {
        InvalidInputException.requireNonNull(command, "command");
        ResetTokens store = ResetLinks.requireStore(tokens);
        return runner.run(
                Operation.ISSUE_RESET_LINK, Optional.of(command.actor()), Optional.of(command.target()), run -> {
                    Authorization.Actor actor = runner.requireActor(run, command.actor(), Operation.SET_PASSWORD);
                    User target = runner.requireTarget(run, actor, Operation.SET_PASSWORD, command.target());
                    if (!mailer.isConfigured()) {
                        throw MailException.notConfigured();
                    }
                    EmailAddress to =
                            target.profile().email().orElseThrow(() -> MailException.noAddress(target.username()));
                    Instant now = run.now();
                    Instant expiresAt = now.plus(Policies.inForce(policies).resetLinkLifetime());
                    store.removeExpired(now);
                    String token = ResetLinks.newToken();
                    store.add(new ResetTokens.ResetToken(
                            ResetLinks.hash(token),
                            target.id(),
                            target.username(),
                            ResetLinks.credential(target),
                            now,
                            expiresAt));
                    run.detail("expiresAt", expiresAt);
                    Mailer.ResetLink mail = new Mailer.ResetLink(
                            to,
                            target.profile().publicName(),
                            target.username(),
                            ResetLinks.link(command.resetPage().toString(), token),
                            expiresAt);
                    // Last before the commit: a refused hand-over rolls the stored token back.
                    run.beforeCommit(() -> mailer.sendResetLink(mail));
                    return new Result(target.username(), to, expiresAt);
                });
    }
}
