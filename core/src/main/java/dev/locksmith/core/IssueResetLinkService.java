package dev.locksmith.core;

import dev.locksmith.core.domain.Authorization;
import dev.locksmith.core.domain.EmailAddress;
import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.MailException;
import dev.locksmith.core.domain.Operation;
import dev.locksmith.core.domain.Reason;
import dev.locksmith.core.domain.UnavailableException;
import dev.locksmith.core.domain.User;
import dev.locksmith.core.internal.ResetLinks;
import dev.locksmith.core.internal.Services;
import dev.locksmith.core.port.Mailer;
import dev.locksmith.core.port.ResetTokens;
import dev.locksmith.core.usecase.IssueResetLink;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** The implementation of {@link IssueResetLink}, built by {@link Locksmith}; not API. Thread-safe. */
final class IssueResetLinkService implements IssueResetLink {

    private final Services services;
    private final Optional<ResetTokens> tokens;

    IssueResetLinkService(Services services, Optional<ResetTokens> tokens) {
        this.services = Objects.requireNonNull(services, "services");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
    }

    @Override
    public Result execute(Command command) {
        InvalidInputException.requireNonNull(command, "command");
        ResetTokens store = tokens.orElseThrow(() -> new UnavailableException(
                Reason.UNAVAILABLE, "reset links are not configured (no reset-token store)", null));
        return services.run(
                Operation.ISSUE_RESET_LINK, Optional.of(command.actor()), Optional.of(command.target()), run -> {
                    Authorization.Actor actor = services.requireActor(run, command.actor(), Operation.SET_PASSWORD);
                    User target = services.requireTarget(run, actor, Operation.SET_PASSWORD, command.target());
                    if (!services.mailer().isConfigured()) {
                        throw MailException.notConfigured();
                    }
                    EmailAddress to =
                            target.profile().email().orElseThrow(() -> MailException.noAddress(target.username()));
                    Instant now = run.now();
                    Instant expiresAt = now.plus(services.policy().resetLinkLifetime());
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
                    run.beforeCommit(() -> services.mailer().sendResetLink(mail));
                    return new Result(target.username(), to, expiresAt);
                });
    }
}
