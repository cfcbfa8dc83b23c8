package dev.locksmith.core.usecase;

import dev.locksmith.core.domain.Authorization;
import dev.locksmith.core.domain.EmailAddress;
import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.Page;
import dev.locksmith.core.domain.Permission;
import dev.locksmith.core.domain.Source;
import dev.locksmith.core.domain.UserSearch;
import dev.locksmith.core.domain.Username;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Search and list users, one page at a time, each row carrying what the actor may do to it. Administrators
 * get the full view (permissions, enabled, comments, edit and delete); privileged users the limited view
 * (the change-password form's fields, "change password" only on local non-administrators, "reset" where
 * allowed, never edit or delete); anyone else is denied. Implementations are thread-safe.
 */
public interface SearchUsers {

    /**
     * The search: who searches and for what (see {@link UserSearch}: case-insensitive literal substring,
     * ordered by username, keyset paging).
     */
    public record Command(Username actor, UserSearch search) {
        public Command {
            InvalidInputException.requireNonNull(actor, "actor");
            InvalidInputException.requireNonNull(search, "search");
        }

        /**
         * A command from the host's raw input: {@code cursor} is the previous result's
         * {@code page().nextCursor()}, or empty for the first page.
         *
         * @throws InvalidInputException on bad text, cursor or limit
         */
        public static Command of(Username actor, String text, Optional<String> cursor, int limit) {
            InvalidInputException.requireNonNull(cursor, "cursor");
            return new Command(actor, new UserSearch(text, cursor.map(Username::of), limit));
        }
    }

    /** What the actor may do to a row's user. */
    public enum Affordance {
        /** Open the change-password form and set the password. */
        CHANGE_PASSWORD,
        /** Reset the failed-login count and lock. */
        RESET_FAILED_LOGINS,
        /** Edit the profile, permissions, enabled flag (full view only). */
        EDIT,
        /** Delete the user (full view only). */
        DELETE
    }

    /**
     * The fields only administrators see.
     *
     * @param lastLoginAt the last successful login
     * @param lockedUntil when a lock in force ends (empty: no lock, or locked until reset; see the row's
     *     {@code locked})
     */
    public record Details(
            Set<Permission> permissions,
            boolean enabled,
            String comments,
            boolean mustChangePassword,
            Optional<Instant> passwordChangedAt,
            Optional<Instant> temporaryPasswordExpiresAt,
            Optional<Instant> lastLoginAt,
            Optional<Instant> lockedUntil) {
        public Details {
            Objects.requireNonNull(lastLoginAt, "lastLoginAt");
            Objects.requireNonNull(lockedUntil, "lockedUntil");
            permissions = permissions.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(permissions));
            Objects.requireNonNull(comments, "comments");
            Objects.requireNonNull(passwordChangedAt, "passwordChangedAt");
            Objects.requireNonNull(temporaryPasswordExpiresAt, "temporaryPasswordExpiresAt");
        }
    }

    /**
     * One user in the list.
     *
     * @param source where the password lives: the record's provider, else a provider claiming the username,
     *     else local
     * @param details present in the full view only
     */
    public record Row(
            Username username,
            String publicName,
            String privateName,
            Optional<EmailAddress> email,
            int failedLogins,
            boolean locked,
            Source source,
            Set<Affordance> affordances,
            Optional<Details> details) {
        public Row {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(email, "email");
            Objects.requireNonNull(source, "source");
            affordances = affordances.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(affordances));
            Objects.requireNonNull(details, "details");
        }
    }

    /** The page of rows, and which view they were built for. */
    public record Result(Authorization.View view, Page<Row> page) {
        public Result {
            Objects.requireNonNull(view, "view");
            Objects.requireNonNull(page, "page");
        }
    }

    /**
     * Runs the search.
     *
     * @throws dev.locksmith.core.domain.AccessDeniedException when the actor may not search
     * @throws dev.locksmith.core.domain.LocksmithException on any other failure (audited)
     */
    Result execute(Command command);

    /** The provider name shown on a row whose claim could not be checked because a directory was unreachable. */
    public static final String UNREACHABLE_PROVIDER = Source.Provider.UNREACHABLE.name();
}
