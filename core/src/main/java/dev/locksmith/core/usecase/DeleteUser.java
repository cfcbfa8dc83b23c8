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
 * An administrator deletes a user (never oneself, never the last enabled administrator); the user's password
 * history is forgotten with it. The audit trail keeps its events. Thread-safe.
 */
public final class DeleteUser {
    private final Services services;

    /** Obtained from {@code Locksmith#deleteUser()}; the constructor is not API. */
    @SuppressWarnings("exports")
    public DeleteUser(Services services) {
        this.services = Objects.requireNonNull(services, "services");
    }

    /** Who deletes whom. */
    public record Command(Username actor, Username target) {
        public Command {
            InvalidInputException.requireNonNull(actor, "actor");
            InvalidInputException.requireNonNull(target, "target");
        }
    }

    /**
     * Deletes the user.
     *
     * @throws dev.locksmith.core.domain.AccessDeniedException when the matrix refuses
     * @throws dev.locksmith.core.domain.NotFoundException when the target does not exist
     */
    public void execute(Command command) {
        InvalidInputException.requireNonNull(command, "command");
        services.run(AuditEvent.Action.DELETE_USER, Optional.of(command.actor()), Optional.of(command.target()), run -> {
            Authorization.Actor actor = services.requireActor(run, command.actor(), Authorization.Action.DELETE_USER);
            User target = services.requireTarget(run, actor, Authorization.Action.DELETE_USER, command.target());
            services.users().remove(target.id(), target.version());
            services.history().forget(target.username());
            return null;
        });
    }
}
