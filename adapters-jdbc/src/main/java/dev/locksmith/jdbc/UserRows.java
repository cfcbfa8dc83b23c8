package dev.locksmith.jdbc;

import dev.locksmith.core.domain.EmailAddress;
import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.Lock;
import dev.locksmith.core.domain.PasswordHash;
import dev.locksmith.core.domain.Permission;
import dev.locksmith.core.domain.Profile;
import dev.locksmith.core.domain.Source;
import dev.locksmith.core.domain.UnavailableException;
import dev.locksmith.core.domain.User;
import dev.locksmith.core.domain.UserSearch;
import dev.locksmith.core.domain.Username;
import org.jdbi.v3.core.statement.SqlStatement;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The mapping between {@link User} and a row of the users table. */
final class UserRows {
    /** Every column, in the order of {@link #INSERT_VALUES}. */
    static final String COLUMNS = "username, public_name, private_name, email, comments, search_text, permissions, "
            + "administrator, enabled, provider, password_hash, password_changed_at, must_change_password, "
            + "temporary_password_expires_at, failed_logins, lock_since, lock_until, version";

    static final String INSERT_VALUES = ":username, :public_name, :private_name, :email, :comments, :search_text, "
            + ":permissions, :administrator, :enabled, :provider, :password_hash, :password_changed_at, "
            + ":must_change_password, :temporary_password_expires_at, :failed_logins, :lock_since, :lock_until, :version";

    /** Assignments of every column but the key and the version. */
    static final String UPDATE_SET = "public_name = :public_name, private_name = :private_name, email = :email, "
            + "comments = :comments, search_text = :search_text, permissions = :permissions, "
            + "administrator = :administrator, enabled = :enabled, provider = :provider, "
            + "password_hash = :password_hash, password_changed_at = :password_changed_at, "
            + "must_change_password = :must_change_password, "
            + "temporary_password_expires_at = :temporary_password_expires_at, failed_logins = :failed_logins, "
            + "lock_since = :lock_since, lock_until = :lock_until";

    /** Separates the fields of {@code search_text}; no searchable field can hold a line feed. */
    private static final String SEARCH_SEPARATOR = "\n";

    private UserRows() {
    }

    /** Binds every column of {@code user}, with {@code version} as the version. */
    static <S extends SqlStatement<S>> S bind(S statement, User user, long version) {
        Profile profile = user.profile();
        return statement
                .bind("username", user.username().value())
                .bind("public_name", profile.publicName())
                .bind("private_name", profile.privateName())
                .bind("email", profile.email().map(EmailAddress::value).orElse(null))
                .bind("comments", profile.comments())
                .bind("search_text", searchText(user))
                .bind("permissions", permissions(user.permissions()))
                .bind("administrator", user.isAdministrator())
                .bind("enabled", user.enabled())
                .bind("provider", user.source() instanceof Source.Provider p ? p.name() : null)
                .bind("password_hash", user.passwordHash().map(PasswordHash::value).orElse(null))
                .bind("password_changed_at", SqlValues.timestamp(user.passwordChangedAt()))
                .bind("must_change_password", user.mustChangePassword())
                .bind("temporary_password_expires_at", SqlValues.timestamp(user.temporaryPasswordExpiresAt()))
                .bind("failed_logins", user.failedLogins())
                .bind("lock_since", SqlValues.timestamp(user.lock().map(Lock::since)))
                .bind("lock_until", SqlValues.timestamp(user.lock().flatMap(Lock::until)))
                .bind("version", version);
    }

    /** The user as the store keeps it: instants at microsecond precision. */
    static User stored(User user) {
        return new User(user.username(), user.profile(), user.permissions(), user.enabled(), user.source(),
                user.passwordHash(), SqlValues.stored(user.passwordChangedAt()), user.mustChangePassword(),
                SqlValues.stored(user.temporaryPasswordExpiresAt()), user.failedLogins(),
                user.lock().map(l -> new Lock(SqlValues.stored(l.since()), SqlValues.stored(l.until()))),
                user.version());
    }

    /** Reads the current row. A row that breaks the domain's invariants is reported, not half-read. */
    static User map(ResultSet rs) throws SQLException {
        try {
            String email = rs.getString("email");
            Profile profile = new Profile(rs.getString("public_name"), rs.getString("private_name"),
                    email == null ? Optional.empty() : Optional.of(EmailAddress.of(email)), rs.getString("comments"));
            String provider = rs.getString("provider");
            String hash = rs.getString("password_hash");
            Optional<Instant> lockSince = SqlValues.instant(rs, "lock_since");
            Optional<Instant> lockUntil = SqlValues.instant(rs, "lock_until");
            return new User(
                    Username.of(rs.getString("username")),
                    profile,
                    permissions(rs.getString("permissions")),
                    rs.getBoolean("enabled"),
                    provider == null ? Source.local() : Source.provider(provider),
                    Optional.ofNullable(hash).map(PasswordHash::new),
                    SqlValues.instant(rs, "password_changed_at"),
                    rs.getBoolean("must_change_password"),
                    SqlValues.instant(rs, "temporary_password_expires_at"),
                    rs.getInt("failed_logins"),
                    lockSince.map(since -> new Lock(since, lockUntil)),
                    rs.getLong("version"));
        } catch (IllegalArgumentException | InvalidInputException e) {
            // A stored value no longer passes the domain's checks: the store is at fault, not the caller.
            throw new UnavailableException("a stored user record is malformed", DatabaseFailure.of(e));
        }
    }

    /**
     * Username (folded already, as every {@code Username}), display names and email, case-folded as search folds
     * them ({@link UserSearch#fold}), joined by line feeds.
     */
    static String searchText(User user) {
        Profile profile = user.profile();
        return String.join(SEARCH_SEPARATOR,
                user.username().value(),
                UserSearch.fold(profile.publicName()),
                UserSearch.fold(profile.privateName()),
                profile.email().map(e -> UserSearch.fold(e.value())).orElse(""));
    }

    static String permissions(Set<Permission> permissions) {
        return permissions.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    static Set<Permission> permissions(String stored) {
        EnumSet<Permission> result = EnumSet.noneOf(Permission.class);
        if (!stored.isEmpty()) {
            for (String name : stored.split(",")) {
                result.add(Permission.valueOf(name));
            }
        }
        return result;
    }
}
