package dev.locksmith.cli;

import dev.locksmith.core.Locksmith;
import dev.locksmith.core.domain.EmailAddress;
import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.NotFoundException;
import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.Permission;
import dev.locksmith.core.domain.Profile;
import dev.locksmith.core.domain.Source;
import dev.locksmith.core.domain.Username;
import dev.locksmith.core.usecase.CreateUser;
import dev.locksmith.core.usecase.DeleteUser;
import dev.locksmith.core.usecase.EditUser;
import dev.locksmith.core.usecase.GenerateTemporaryPassword;
import dev.locksmith.core.usecase.RegisterProviderUser;
import dev.locksmith.core.usecase.SearchUsers;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code locksmith user ...}: user administration, for administrators. */
@Command(
        name = "user",
        description = "Create, edit and delete users, grant and revoke permissions, register "
                + "security-provider users (administrators only).",
        subcommands = {
            UserCommand.Create.class,
            UserCommand.Edit.class,
            UserCommand.Delete.class,
            UserCommand.Grant.class,
            UserCommand.Revoke.class,
            UserCommand.RegisterProvider.class
        })
final class UserCommand extends GroupCommand {
    /** The administrator's view of one user, found by exact username. */
    static SearchUsers.Row find(Locksmith locksmith, Username actor, Username target) {
        Optional<String> cursor = Optional.empty();
        do {
            SearchUsers.Result result =
                    locksmith.searchUsers().execute(SearchUsers.Command.of(actor, target.value(), cursor, 500));
            for (SearchUsers.Row row : result.page().items()) {
                if (row.username().equals(target)) {
                    return row;
                }
            }
            cursor = result.page().nextCursor();
        } while (cursor.isPresent());
        throw new NotFoundException(target);
    }

    /** The profile options shared by create, edit and register-provider. */
    static final class ProfileOptions {
        @Option(names = "--name", paramLabel = "NAME", description = "Public display name (shown to customers).")
        String publicName;

        @Option(
                names = "--private-name",
                paramLabel = "NAME",
                description = "Private display name (shown internally; " + "default: the public one).")
        String privateName;

        @Option(names = "--email", paramLabel = "ADDRESS", description = "Email address.")
        String email;

        @Option(names = "--comments", paramLabel = "TEXT", description = "Free-text comments.")
        String comments;

        boolean any() {
            return publicName != null || privateName != null || email != null || comments != null;
        }

        /** A new profile from the options alone. */
        Profile profile() {
            String shown = publicName == null ? "" : publicName;
            return new Profile(
                    shown,
                    privateName == null ? shown : privateName,
                    Optional.ofNullable(email).map(EmailAddress::of),
                    comments == null ? "" : comments);
        }
    }

    @Command(
            name = "create",
            description = "Create a local user with an initial password (asked twice, read from "
                    + "standard input, or generated and printed).")
    static final class Create extends OneUserCommand {
        @Parameters(index = "0", paramLabel = "USERNAME", description = "The new username.")
        void username(String given) {
            username = given;
        }

        @picocli.CommandLine.Mixin
        ProfileOptions profile = new ProfileOptions();

        @Option(
                names = "--permission",
                paramLabel = "PERMISSION",
                description = "administrator or set-passwords; repeatable.")
        List<String> permissions = List.of();

        @Option(names = "--must-change", description = "The user must change the initial password at the first login.")
        boolean mustChange;

        @Option(names = "--generate", description = "Generate the initial password and print it.")
        boolean generate;

        @Option(
                names = "--password-stdin",
                description = "Read the initial password from the first line of standard input.")
        boolean passwordStdin;

        @Override
        void check() {
            super.check();
            generatedOrRead(generate, passwordStdin);
        }

        @Override
        int run(Session session) {
            Username user = target();
            Set<Permission> granted = EnumSet.noneOf(Permission.class);
            permissions.forEach(p -> granted.add(Values.permission(p)));
            Profile newProfile = profile.profile();
            Password password;
            char[] shown = null;
            if (generate) {
                password = session.locksmith()
                        .generateTemporaryPassword()
                        .execute(GenerateTemporaryPassword.Command.of(actor()));
                shown = password.toCharArray();
            } else {
                password = passwords().chosen(passwordStdin, "Initial password for " + user + ": ");
            }
            try {
                session.locksmith()
                        .createUser()
                        .execute(new CreateUser.Command(actor(), user, newProfile, granted, password, mustChange));
                out().println("Created " + user + (granted.isEmpty() ? "" : " with " + Describe.permissions(granted))
                        + ".");
                if (shown != null) {
                    out().print("Generated password: ");
                    out().println(shown);
                }
                return ExitCode.OK.code();
            } finally {
                if (shown != null) {
                    Arrays.fill(shown, '\0');
                }
            }
        }
    }

    @Command(
            name = "edit",
            description = "Change a user's display names, email, comments, enabled flag or permissions; "
                    + "what is not given stays as it is.")
    static final class Edit extends OneUserCommand {
        @Parameters(index = "0", paramLabel = "USERNAME", description = "Whom to edit.")
        void username(String given) {
            username = given;
        }

        @picocli.CommandLine.Mixin
        ProfileOptions profile = new ProfileOptions();

        @Option(names = "--no-email", description = "Remove the email address.")
        boolean noEmail;

        @Option(names = "--enable", description = "Enable the account.")
        boolean enable;

        @Option(names = "--disable", description = "Disable the account (it can no longer log in or act).")
        boolean disable;

        @Option(
                names = "--permissions",
                paramLabel = "LIST",
                description = "Replace the permissions: a comma-separated "
                        + "list of administrator and set-passwords, or none.")
        String permissions;

        @Option(
                names = "--provider",
                paramLabel = "NAME",
                description = "Move a provider user to another security "
                        + "provider (one of those configured, when any is).")
        String provider;

        @Override
        void check() {
            super.check();
            if (enable && disable) {
                throw new InvalidInputException("--enable", "and --disable exclude each other");
            }
            if (noEmail && profile.email != null) {
                throw new InvalidInputException("--no-email", "and --email exclude each other");
            }
            if (!profile.any() && !noEmail && !enable && !disable && permissions == null && provider == null) {
                throw new InvalidInputException(
                        "edit",
                        "nothing to change: give --name, --private-name, --email, "
                                + "--no-email, --comments, --enable, --disable, --permissions or --provider");
            }
            if (permissions != null) {
                Values.permissions(permissions);
            }
        }

        @Override
        int run(Session session) {
            Username user = target();
            Optional<Profile> newProfile = Optional.empty();
            if (provider != null) {
                session.requireKnownProvider(provider, "--provider");
            }
            if (profile.any() || noEmail || provider != null) {
                SearchUsers.Row row = find(session.locksmith(), actor(), user);
                String comments =
                        row.details().map(SearchUsers.Details::comments).orElse("");
                newProfile = Optional.of(new Profile(
                        profile.publicName == null ? row.publicName() : profile.publicName,
                        profile.privateName == null ? row.privateName() : profile.privateName,
                        noEmail
                                ? Optional.empty()
                                : profile.email == null ? row.email() : Optional.of(EmailAddress.of(profile.email)),
                        profile.comments == null ? comments : profile.comments));
            }
            Optional<Boolean> enabled = enable ? Optional.of(true) : disable ? Optional.of(false) : Optional.empty();
            Optional<Set<Permission>> newPermissions =
                    Optional.ofNullable(permissions).map(Values::permissions);
            if (provider != null) {
                moveProvider(session, user, newProfile.orElseThrow());
                newProfile = Optional.empty();
            }
            if (newProfile.isPresent() || enabled.isPresent() || newPermissions.isPresent()) {
                session.locksmith()
                        .editUser()
                        .execute(new EditUser.Command(actor(), user, newProfile, enabled, newPermissions));
            }
            out().println("Edited " + user + ".");
            return ExitCode.OK.code();
        }

        /** A provider user's provider, through the use case that registers and syncs provider users. */
        private void moveProvider(Session session, Username user, Profile newProfile) {
            SearchUsers.Row row = find(session.locksmith(), actor(), user);
            if (row.source().isLocal()) {
                throw new InvalidInputException(
                        "--provider", user + " is a local user; only a provider user moves " + "to another provider");
            }
            session.locksmith()
                    .registerProviderUser()
                    .execute(
                            new RegisterProviderUser.Command(actor(), user, new Source.Provider(provider), newProfile));
        }
    }

    @Command(
            name = "delete",
            description = "Delete a user and their password history. Asks for confirmation at a "
                    + "terminal; without one (a script), --yes is required.")
    static final class Delete extends OneUserCommand {
        @Parameters(index = "0", paramLabel = "USERNAME", description = "Whom to delete.")
        void username(String given) {
            username = given;
        }

        @Option(names = "--yes", description = "Delete without asking.")
        boolean yes;

        @Override
        int run(Session session) {
            Username user = target();
            if (!yes) {
                Terminal terminal = root().environment()
                        .terminal()
                        .orElseThrow(() -> new InvalidInputException(
                                "--yes", "is needed to delete without a terminal to confirm at"));
                String answer =
                        terminal.readLine("Delete " + user + " and their password history? Type yes to confirm: ");
                if (answer == null || !answer.strip().equalsIgnoreCase("yes")) {
                    out().println("Not deleted.");
                    return ExitCode.OK.code();
                }
            }
            session.locksmith().deleteUser().execute(new DeleteUser.Command(actor(), user));
            out().println("Deleted " + user + ".");
            return ExitCode.OK.code();
        }
    }

    /** Grant and revoke: read the current permissions, change one, write them back. */
    abstract static class PermissionChange extends OneUserCommand {
        @Parameters(index = "0", paramLabel = "USERNAME", description = "Whose permissions.")
        void username(String given) {
            username = given;
        }

        @Parameters(index = "1", paramLabel = "PERMISSION", description = "administrator or set-passwords.")
        String permission;

        @Override
        void check() {
            super.check();
            Values.permission(permission);
        }

        abstract boolean grant();

        @Override
        int run(Session session) {
            Username user = target();
            Permission changed = Values.permission(permission);
            SearchUsers.Row row = find(session.locksmith(), actor(), user);
            Set<Permission> now = EnumSet.noneOf(Permission.class);
            row.details().ifPresent(d -> now.addAll(d.permissions()));
            if (grant()) {
                now.add(changed);
            } else {
                now.remove(changed);
            }
            session.locksmith().editUser().execute(EditUser.Command.permissions(actor(), user, now));
            out().println(user + " now holds: " + (now.isEmpty() ? "no permission" : Describe.permissions(now)) + ".");
            return ExitCode.OK.code();
        }
    }

    @Command(
            name = "grant",
            description = "Grant a permission: set-passwords delegates the power to set passwords "
                    + "without making the user an administrator.")
    static final class Grant extends PermissionChange {
        @Override
        boolean grant() {
            return true;
        }
    }

    @Command(name = "revoke", description = "Revoke a permission; it takes effect at once.")
    static final class Revoke extends PermissionChange {
        @Override
        boolean grant() {
            return false;
        }
    }

    @Command(
            name = "register-provider",
            description = "Register a user whose password lives in a security provider "
                    + "(nobody can set that password here), or update one already registered: its profile, or its provider. "
                    + "When providers are configured (--provider before the command), the name must be one of them.")
    static final class RegisterProvider extends OneUserCommand {
        @Parameters(index = "0", paramLabel = "USERNAME", description = "The user's name in the provider.")
        void username(String given) {
            username = given;
        }

        @Option(names = "--provider", required = true, paramLabel = "NAME", description = "The provider's name.")
        String provider;

        @picocli.CommandLine.Mixin
        ProfileOptions profile = new ProfileOptions();

        @Override
        int run(Session session) {
            Username user = target();
            session.requireKnownProvider(provider, "--provider");
            RegisterProviderUser.Result result = session.locksmith()
                    .registerProviderUser()
                    .execute(new RegisterProviderUser.Command(
                            actor(), user, new Source.Provider(provider), profile.profile()));
            out().println(user + " of provider " + provider + ": "
                    + result.name().toLowerCase(java.util.Locale.ROOT) + ".");
            return ExitCode.OK.code();
        }
    }
}
