package dev.locksmith.core;

import dev.locksmith.core.domain.Authorization;
import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.Operation;
import dev.locksmith.core.domain.User;
import dev.locksmith.core.internal.Services;
import dev.locksmith.core.usecase.OpenChangePasswordForm;
import java.util.Objects;
import java.util.Optional;

/** The implementation of {@link OpenChangePasswordForm}, built by {@link Locksmith}; not API. Thread-safe. */
final class OpenChangePasswordFormService implements OpenChangePasswordForm {
    private final Services services;

    OpenChangePasswordFormService(Services services) {
        this.services = Objects.requireNonNull(services, "services");
    }

    @Override
    public Result execute(Command command) {
        InvalidInputException.requireNonNull(command, "command");
        return services.run(
                Operation.OPEN_CHANGE_PASSWORD_FORM,
                Optional.of(command.actor()),
                Optional.of(command.target()),
                run -> {
                    Authorization.Actor actor =
                            services.requireActor(run, command.actor(), Operation.OPEN_CHANGE_PASSWORD_FORM);
                    User target =
                            services.requireTarget(run, actor, Operation.OPEN_CHANGE_PASSWORD_FORM, command.target());
                    boolean offered = services.mailer().isConfigured()
                            && target.profile().email().isPresent();
                    run.detail("emailPasswordOffered", offered);
                    return new Result(
                            target.username(),
                            target.profile().publicName(),
                            target.profile().privateName(),
                            target.profile().email(),
                            target.profile().comments(),
                            offered,
                            services.policy());
                });
    }
}
