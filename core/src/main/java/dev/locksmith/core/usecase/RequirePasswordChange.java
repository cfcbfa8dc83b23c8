package dev.locksmith.core.usecase;

import dev.locksmith.core.domain.AuditEvent;
import dev.locksmith.core.domain.Authorization;
import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.User;
import dev.locksmith.core.domain.Username;
import dev.locksmith.core.internal.Services;

import java.util.Objects;
import java.util.Optional;

/**
 * Makes another user change their password at next login, without setting it. Same matrix as
 * {@link SetPassword}. Thread-safe.
 */
public final class RequirePasswordChange {
    private final Services services;

    /** Obtained from {@code Locksmith#requirePasswordChange()}; the constructor is not API. */
    @SuppressWarnings("exports")
    public RequirePasswordChange(Services services) {
        this.services = Objects.requireNonNull(services, "services");
    }

    /** Who requires whom to change their password. */
    public record Command(Username actor, Username target) {
        public Command {
            InvalidInputException.requireNonNull(actor, "actor");
            InvalidInputException.requireNonNull(target, "target");
        }
    }

    /**
     * Sets "must change password" on the target.
     *
     * @throws dev.locksmith.core.domain.AccessDeniedException when the matrix refuses
     * @throws dev.locksmith.core.domain.NotFoundException when the target does not exist
     */
    public void execute(Command command) {
        InvalidInputException.requireNonNull(command, "command");
        services.run(AuditEvent.Action.REQUIRE_PASSWORD_CHANGE, Optional.of(command.actor()), Optional.of(command.target()),
                run -> {
                    Authorization.Actor actor = services.requireActor(run, command.actor(), Authorization.Action.REQUIRE_PASSWORD_CHANGE);
                    User target = services.requireTarget(run, actor, Authorization.Action.REQUIRE_PASSWORD_CHANGE, command.target());
                    if (!target.mustChangePassword()) {
                        services.users().update(target.requirePasswordChange());
                    }
                    return null;
                });
    }
}
