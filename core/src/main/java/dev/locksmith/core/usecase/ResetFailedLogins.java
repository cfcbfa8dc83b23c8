package dev.locksmith.core.usecase;

import dev.locksmith.core.domain.AuditEvent;
import dev.locksmith.core.domain.Authorization;
import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.LoginState;
import dev.locksmith.core.domain.User;
import dev.locksmith.core.domain.Username;
import dev.locksmith.core.internal.Services;

import java.util.Objects;
import java.util.Optional;

/**
 * Resets another user's failed-login count to 0 and clears any lock (administrators: anyone else;
 * privileged users: non-administrators, local or provider). Thread-safe.
 */
public final class ResetFailedLogins {
    private final Services services;

    /** Obtained from {@code Locksmith#resetFailedLogins()}; the constructor is not API. */
    @SuppressWarnings("exports")
    public ResetFailedLogins(Services services) {
        this.services = Objects.requireNonNull(services, "services");
    }

    /** Who resets whose count. */
    public record Command(Username actor, Username target) {
        public Command {
            InvalidInputException.requireNonNull(actor, "actor");
            InvalidInputException.requireNonNull(target, "target");
        }
    }

    /**
     * Resets the count and lock.
     *
     * @throws dev.locksmith.core.domain.AccessDeniedException when the matrix refuses
     * @throws dev.locksmith.core.domain.NotFoundException when the target does not exist
     */
    public void execute(Command command) {
        InvalidInputException.requireNonNull(command, "command");
        services.run(AuditEvent.Action.RESET_FAILED_LOGINS, Optional.of(command.actor()), Optional.of(command.target()),
                run -> {
                    Authorization.Actor actor = services.requireActor(run, command.actor(), Authorization.Action.RESET_FAILED_LOGINS);
                    User target = services.requireTarget(run, actor, Authorization.Action.RESET_FAILED_LOGINS, command.target());
                    // An atomic update of the login state alone: a burst of failed logins on the account can
                    // never make it conflict, and it never makes an administrator's edit conflict either.
                    LoginState before = services.users().resetFailedLogins(target.id());
                    run.detail("previousFailedLogins", before.failedLogins());
                    run.detail("wasLocked", before.lock().isPresent());
                    return null;
                });
    }
}
