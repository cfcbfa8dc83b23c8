package dev.locksmith.jdbc;

import dev.locksmith.core.domain.EmailAddress;
import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.Lock;
import dev.locksmith.core.domain.LoginState;
import dev.locksmith.core.domain.PasswordHash;
import dev.locksmith.core.domain.Permission;
import dev.locksmith.core.domain.Profile;
import dev.locksmith.core.domain.Source;
import dev.locksmith.core.domain.UnavailableException;
import dev.locksmith.core.domain.User;
import dev.locksmith.core.domain.UserId;
import dev.locksmith.core.domain.UserSearch;
import dev.locksmith.core.domain.Username;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * The mapping between {@link User} and its rows: the users table (identity, profile, credentials, version)
 * and the login-state table (failed count, last failure, lock, last login), read together through a join.
 */
final class UserRows {
    /** Every column of the users table, in the order of {@link #INSERT_VALUES}. */
    static final String COLUMNS = "id, username, public_name, private_name, email, comments, search_text, permissions, "
            + "administrator, enabled, provider, password_hash, password_changed_at, must_change_password, "
            + "temporary_password_expires_at, version";

    static final String INSERT_VALUES = ":id, :username, :public_name, :private_name, :email, :comments, :search_text, "
            + ":permissions, :administrator, :enabled, :provider, :password_hash, :password_changed_at, "
            + ":must_change_password, :temporary_password_expires_at, :version";

    /** Assignments of every column of the users table but the identity, the username and the version. */
    static final String UPDATE_SET = "public_name = :public_name, private_name = :private_name, email = :email, "
            + "comments = :comments, search_text = :search_text, permissions = :permissions, "
            + "administrator = :administrator, enabled = :enabled, provider = :provider, "
            + "password_hash = :password_hash, password_changed_at = :password_changed_at, "
            + "must_change_password = :must_change_password, "
            + "temporary_password_expires_at = :temporary_password_expires_at";

    /** The login-state columns other than the key, in the order of {@link #LOGIN_VALUES}. */
    static final String LOGIN_COLUMNS = "failed_logins, last_failure_at, lock_since, lock_until, last_login_at";

    static final String LOGIN_VALUES = ":failed_logins, :last_failure_at, :lock_since, :lock_until, :last_login_at";

    /** Assignments of every login-state column but the key. */
    static final String LOGIN_SET = "failed_logins = :failed_logins, last_failure_at = :last_failure_at, "
            + "lock_since = :lock_since, lock_until = :lock_until, last_login_at = :last_login_at";

    /** Separates the fields of {@code search_text}; no searchable field can hold a line feed. */
    private static final String SEARCH_SEPARATOR = "\n";

    private UserRows() {}

    /** {@code SELECT} of every column of a user from {@code users u} joined to {@code loginState l}. */
    static String select(Tables tables) {
        return "SELECT u." + COLUMNS.replace(", ", ", u.") + ", l." + LOGIN_COLUMNS.replace(", ", ", l.") + " FROM "
                + tables.users() + " u JOIN " + tables.loginState() + " l ON l.user_id = u.id";
    }

    /** Binds every column of the users table for {@code user}, with {@code version} as the version. */
    static <S extends SqlStatement<S>> S bind(S statement, User user, long version) {
        Profile profile = user.profile();
        return statement
                .bind("id", user.id().toString())
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
                .bind(
                        "password_hash",
                        user.passwordHash().map(PasswordHash::value).orElse(null))
                .bind("password_changed_at", SqlValues.timestamp(user.passwordChangedAt()))
                .bind("must_change_password", user.mustChangePassword())
                .bind("temporary_password_expires_at", SqlValues.timestamp(user.temporaryPasswordExpiresAt()))
                .bind("version", version);
    }

    /** Binds the login-state columns (not the key) for {@code logins}. */
    static <S extends SqlStatement<S>> S bindLogins(S statement, LoginState logins) {
        return statement
                .bind("failed_logins", logins.failedLogins())
                .bind("last_failure_at", SqlValues.timestamp(logins.lastFailureAt()))
                .bind("lock_since", SqlValues.timestamp(logins.lock().map(Lock::since)))
                .bind("lock_until", SqlValues.timestamp(logins.lock().flatMap(Lock::until)))
                .bind("last_login_at", SqlValues.timestamp(logins.lastLoginAt()));
    }

    /** The user as the store keeps it: instants at microsecond precision. */
    static User stored(User user) {
        return new User(
                user.id(),
                user.username(),
                user.profile(),
                user.permissions(),
                user.enabled(),
                user.source(),
                user.passwordHash(),
                SqlValues.stored(user.passwordChangedAt()),
                user.mustChangePassword(),
                SqlValues.stored(user.temporaryPasswordExpiresAt()),
                stored(user.logins()),
                user.version());
    }

    /** The login state as the store keeps it: instants at microsecond precision. */
    static LoginState stored(LoginState logins) {
        return new LoginState(
                logins.failedLogins(),
                SqlValues.stored(logins.lastFailureAt()),
                logins.lock().map(l -> new Lock(SqlValues.stored(l.since()), SqlValues.stored(l.until()))),
                SqlValues.stored(logins.lastLoginAt()));
    }

    /** Reads the current row. A row that breaks the domain's invariants is reported, not half-read. */
    static User map(ResultSet rs) throws SQLException {
        try {
            String email = rs.getString("email");
            Profile profile = new Profile(
                    rs.getString("public_name"),
                    rs.getString("private_name"),
                    email == null ? Optional.empty() : Optional.of(EmailAddress.of(email)),
                    rs.getString("comments"));
            String provider = rs.getString("provider");
            String hash = rs.getString("password_hash");
            return new User(
                    UserId.parse(rs.getString("id")),
                    Username.of(rs.getString("username")),
                    profile,
                    permissions(rs.getString("permissions")),
                    rs.getBoolean("enabled"),
                    provider == null ? Source.local() : Source.provider(provider),
                    Optional.ofNullable(hash).map(PasswordHash::new),
                    SqlValues.instant(rs, "password_changed_at"),
                    rs.getBoolean("must_change_password"),
                    SqlValues.instant(rs, "temporary_password_expires_at"),
                    logins(rs),
                    rs.getLong("version"));
        } catch (IllegalArgumentException | InvalidInputException e) {
            // A stored value no longer passes the domain's checks: the store is at fault, not the caller.
            throw new UnavailableException("a stored user record is malformed", DatabaseFailure.of(e));
        }
    }

    /** Reads the login-state columns of the current row. */
    static LoginState logins(ResultSet rs) throws SQLException {
        try {
            Optional<Instant> lockSince = SqlValues.instant(rs, "lock_since");
            Optional<Instant> lockUntil = SqlValues.instant(rs, "lock_until");
            return new LoginState(
                    rs.getInt("failed_logins"),
                    SqlValues.instant(rs, "last_failure_at"),
                    lockSince.map(since -> new Lock(since, lockUntil)),
                    SqlValues.instant(rs, "last_login_at"));
        } catch (IllegalArgumentException e) {
            throw new UnavailableException("a stored login state is malformed", DatabaseFailure.of(e));
        }
    }

    /**
     * Username (folded already, as every {@code Username}), display names and email, case-folded as search folds
     * them ({@link UserSearch#fold}), joined by line feeds.
     */
    static String searchText(User user) {
        Profile profile = user.profile();
        return String.join(
                SEARCH_SEPARATOR,
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
            for (String name : stored.split(",", -1)) {
                result.add(Permission.valueOf(name));
            }
        }
        return result;
    }
}
