package dev.locksmith.core;

import dev.locksmith.core.domain.Authorization;
import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.Operation;
import dev.locksmith.core.domain.Page;
import dev.locksmith.core.domain.Source;
import dev.locksmith.core.domain.UnavailableException;
import dev.locksmith.core.domain.User;
import dev.locksmith.core.domain.Username;
import dev.locksmith.core.internal.UseCaseRunner;
import dev.locksmith.core.port.SecurityProviders;
import dev.locksmith.core.port.UserAccounts;
import dev.locksmith.core.usecase.SearchUsers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/** The implementation of {@link SearchUsers}, built by {@link Locksmith}; not API. Thread-safe. */
record SearchUsersService(UseCaseRunner runner, UserAccounts users, SecurityProviders providers)
        implements SearchUsers {
    @Override
    public Result execute(Command command) {
        InvalidInputException.requireNonNull(command, "command");
        return runner.runAs(
                Operation.SEARCH_USERS,
                command.actor(),
                Optional.empty(),
                (run, actor) -> {
                    Authorization.View view = Authorization.searchView(actor.user());
                    Page<User> found = users.search(command.search());
                    OptionalLong admins = view == Authorization.View.FULL
                            ? OptionalLong.of(users.countEnabledAdministrators())
                            : OptionalLong.empty();
                    // The providers' claims on each row are asked after the read transaction: a directory is slow work.
                    return () -> {
                        List<Row> rows = new ArrayList<>();
                        for (User user : found.items()) {
                            rows.add(row(actor, view, user, admins, run.now()));
                        }
                        return new Result(view, new Page<>(rows, found.nextCursor()));
                    };
                },
                (run, result) -> {
                    run.detail("view", result.view());
                    run.detail("rows", result.page().items().size());
                    return result;
                });
    }

    /**
     * The claim on a listed user: a directory that cannot be asked makes the row provider-managed (the
     * stricter answer: no "change password" on it) under the name {@link #UNREACHABLE_PROVIDER}.
     */
    private Optional<Source.Provider> claimant(Username username) {
        try {
            return providers.claimant(username);
        } catch (UnavailableException e) {
            return Optional.of(Source.Provider.UNREACHABLE);
        }
    }

    private Row row(Authorization.Actor actor, Authorization.View view, User user, OptionalLong admins, Instant now) {
        Authorization.Target target = new Authorization.Target(user, claimant(user.username()), admins);
        Set<Affordance> affordances = EnumSet.noneOf(Affordance.class);
        if (Authorization.decide(actor, Operation.SET_PASSWORD, target).isAllowed()) {
            affordances.add(Affordance.CHANGE_PASSWORD);
        }
        if (Authorization.decide(actor, Operation.RESET_FAILED_LOGINS, target).isAllowed()) {
            affordances.add(Affordance.RESET_FAILED_LOGINS);
        }
        Optional<Details> details = Optional.empty();
        if (view == Authorization.View.FULL) {
            if (Authorization.decide(actor, Operation.EDIT_USER, target).isAllowed()) {
                affordances.add(Affordance.EDIT);
            }
            if (Authorization.decide(actor, Operation.DELETE_USER, target).isAllowed()) {
                affordances.add(Affordance.DELETE);
            }
            details = Optional.of(new Details(
                    user.permissions(),
                    user.enabled(),
                    user.profile().comments(),
                    user.mustChangePassword(),
                    user.passwordChangedAt(),
                    user.temporaryPasswordExpiresAt(),
                    user.lastLoginAt(),
                    user.lock().filter(l -> l.isActiveAt(now)).flatMap(l -> l.until())));
        }
        Source source = target.provider().<Source>map(p -> p).orElse(user.source());
        return new Row(
                user.username(),
                user.profile().publicName(),
                user.profile().privateName(),
                user.profile().email(),
                user.failedLogins(),
                user.isLockedAt(now),
                source,
                affordances,
                details);
    }
}
