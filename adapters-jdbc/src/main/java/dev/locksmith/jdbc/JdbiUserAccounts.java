package dev.locksmith.jdbc;

import dev.locksmith.core.domain.ConflictException;
import dev.locksmith.core.domain.LocksmithException;
import dev.locksmith.core.domain.LoginState;
import dev.locksmith.core.domain.NotFoundException;
import dev.locksmith.core.domain.Page;
import dev.locksmith.core.domain.PasswordHash;
import dev.locksmith.core.domain.Reason;
import dev.locksmith.core.domain.User;
import dev.locksmith.core.domain.UserId;
import dev.locksmith.core.domain.UserSearch;
import dev.locksmith.core.domain.Username;
import dev.locksmith.core.port.UserAccounts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;

/**
 * {@link UserAccounts} in SQL, on two tables: the users table (identity, profile, credentials, version) and
 * the login-state table (failed count, last failure, lock, last login), keyed by the user's identity.
 *
 * <p>{@link #update} and {@link #remove} are optimistic: {@code ... WHERE id = ? AND version = ?}, so a
 * concurrent change is a {@link ConflictException}, never a lost update, and a write meant for a deleted
 * account never lands on a new account of the same name (identities are never reused). The login-state calls
 * lock the login-state row only ({@code SELECT ... FOR UPDATE} there, never on the users row) and never bump
 * the version: counts are exact under any number of concurrent callers, in this process or in others sharing
 * the database, a login never waits for a transaction holding the users row (one sending a mail, say), and
 * guessing never makes administration conflict. {@link #replaceHash} changes the hash only, and only when it
 * can take the users row at once.
 *
 * <p>Search matches a lower-cased copy of the searchable fields kept in the row ({@code search_text}) with
 * {@code LIKE ... ESCAPE '!'}, the user's text escaped; pages are keyset pages by username (the primary key).
 *
 * <p>Obtained from {@link JdbiStore#userAccounts()}. Thread-safe. Throws only core's
 * {@link LocksmithException}s: {@link ConflictException}, {@link NotFoundException}, and
 * {@link dev.locksmith.core.domain.UnavailableException} for database failures.
 */
public final class JdbiUserAccounts implements UserAccounts {
    private final Database db;
    private final String table;
    private final String loginTable;
    private final String guards;
    private final String selectColumns;
    private final String insertSql;
    private final String insertLoginSql;

    JdbiUserAccounts(Database db) {
        this.db = db;
        this.table = db.tables().users();
        this.loginTable = db.tables().loginState();
        this.guards = db.tables().guards();
        this.selectColumns = UserRows.select(db.tables());
        this.insertSql = "INSERT INTO " + table + " (" + UserRows.COLUMNS + ") VALUES (" + UserRows.INSERT_VALUES + ")";
        this.insertLoginSql = "INSERT INTO " + loginTable + " (user_id, " + UserRows.LOGIN_COLUMNS + ") VALUES (:id, "
                + UserRows.LOGIN_VALUES + ")";
    }

    @Override
    public Optional<User> find(Username username) {
        return db.call(
                "find a user",
                h -> h.createQuery(selectColumns + " WHERE u.username = :username")
                        .bind("username", username.value())
                        .map((rs, ctx) -> UserRows.map(rs))
                        .findOne());
    }

    @Override
    public void add(User user) {
        db.write("add a user", h -> {
            insertGuarded(h, user);
            return null;
        });
    }

    /**
     * Adds many users in batches, in one transaction (or the caller's): for imports and benchmarks. Each user
     * is stored at version 0 with its login state.
     *
     * @throws ConflictException with {@code ALREADY_EXISTS} when a username or identity is taken (nothing is added)
     */
    public void addAll(List<User> users) {
        Set<Username> seen = new HashSet<>();
        Set<UserId> seenIds = new HashSet<>();
        for (User user : users) {
            if (!seen.add(user.username()) || !seenIds.add(user.id())) {
                throw ConflictException.alreadyExists(user.username());
            }
        }
        db.write("add users", h -> {
            for (int from = 0; from < users.size(); from += 1000) {
                List<User> chunk = users.subList(from, Math.min(users.size(), from + 1000));
                PreparedBatch batch = h.prepareBatch(insertSql);
                PreparedBatch logins = h.prepareBatch(insertLoginSql);
                for (User user : chunk) {
                    UserRows.bind(batch, user, 0).add();
                    UserRows.bindLogins(logins.bind("id", user.id().toString()), user.logins())
                            .add();
                }
                try {
                    batch.execute();
                    logins.execute();
                } catch (RuntimeException e) {
                    if (SqlErrors.isUniqueViolation(e)) {
                        throw new ConflictException(
                                Reason.ALREADY_EXISTS, "a username or identity is already taken", Map.of());
                    }
                    throw e;
                }
            }
            return null;
        });
    }

    /**
     * Inserts the user and its login state inside a savepoint: PostgreSQL aborts a whole transaction on a
     * failed statement, and a taken username must leave a caller's transaction usable.
     */
    private void insertGuarded(Handle h, User user) {
        String savepoint = "locksmith_add_user";
        h.savepoint(savepoint);
        try {
            UserRows.bind(h.createUpdate(insertSql), user, 0).execute();
            UserRows.bindLogins(
                            h.createUpdate(insertLoginSql).bind("id", user.id().toString()), user.logins())
                    .execute();
        } catch (RuntimeException e) {
            h.rollbackToSavepoint(savepoint);
            if (SqlErrors.isUniqueViolation(e)) {
                throw ConflictException.alreadyExists(user.username());
            }
            throw e;
        }
        h.releaseSavepoint(savepoint);
    }

    @Override
    public User update(User user) {
        return db.write("update a user", h -> {
            long version = user.version();
            int rows;
            try {
                rows = UserRows.bind(
                                h.createUpdate("UPDATE " + table + " SET " + UserRows.UPDATE_SET
                                        + ", version = :next_version WHERE id = :id AND version = :version"),
                                user,
                                version)
                        .bind("next_version", version + 1)
                        .execute();
            } catch (RuntimeException e) {
                if (SqlErrors.isConcurrencyFailure(e) && !SqlErrors.isLockTimeout(e)) {
                    throw ConflictException.concurrentChange(user.username());
                }
                throw e;
            }
            if (rows == 0) {
                throw missingOrChanged(h, user.id());
            }
            LoginState logins = h.createQuery(
                            "SELECT " + UserRows.LOGIN_COLUMNS + " FROM " + loginTable + " WHERE user_id = :id")
                    .bind("id", user.id().toString())
                    .map((rs, ctx) -> UserRows.logins(rs))
                    .findOne()
                    .orElseGet(LoginState::initial);
            return UserRows.stored(user).withLogins(logins).atVersion(version + 1);
        });
    }

    @Override
    public void remove(UserId id, long expectedVersion) {
        db.write("remove a user", h -> {
            int rows;
            try {
                // The login state and the password history go with the user (ON DELETE CASCADE).
                rows = h.createUpdate("DELETE FROM " + table + " WHERE id = :id AND version = :version")
                        .bind("id", id.toString())
                        .bind("version", expectedVersion)
                        .execute();
            } catch (RuntimeException e) {
                if (SqlErrors.isConcurrencyFailure(e) && !SqlErrors.isLockTimeout(e)) {
                    throw new ConflictException(Reason.CONFLICT, "user was changed concurrently", Map.of());
                }
                throw e;
            }
            if (rows == 0) {
                throw missingOrChanged(h, id);
            }
            return null;
        });
    }

    private LocksmithException missingOrChanged(Handle h, UserId id) {
        return h.createQuery("SELECT username FROM " + table + " WHERE id = :id")
                .bind("id", id.toString())
                .mapTo(String.class)
                .findOne()
                .<LocksmithException>map(name -> ConflictException.concurrentChange(Username.of(name)))
                .orElseGet(() -> new NotFoundException(id));
    }

    @Override
    public FailedLogin recordFailedLogin(UserId id, Instant now, LoginState.Rule rule) {
        Instant at = SqlValues.stored(now);
        return db.write("record a failed login", h -> {
            // The lock on the login-state row is held until the transaction ends: concurrent callers, in this
            // pool or another, queue on it and each sees the state its predecessor committed.
            LoginState current = lockLoginState(h, id);
            LoginState next = UserRows.stored(current.failed(at, rule));
            writeLoginState(h, id, next);
            return new FailedLogin(next, !current.isLockedAt(at) && next.isLockedAt(at));
        });
    }

    @Override
    public LoginState resetFailedLogins(UserId id) {
        return db.write("reset failed logins", h -> {
            LoginState current = lockLoginState(h, id);
            writeLoginState(h, id, current.cleared());
            return current;
        });
    }

    @Override
    public void recordSuccessfulLogin(UserId id, Instant now) {
        Instant at = SqlValues.stored(now);
        db.write("record a successful login", h -> {
            int rows = UserRows.bindLogins(
                            h.createUpdate(
                                    "UPDATE " + loginTable + " SET " + UserRows.LOGIN_SET + " WHERE user_id = :id"),
                            LoginState.initial().succeeded(at))
                    .bind("id", id.toString())
                    .execute();
            if (rows == 0) {
                throw new NotFoundException(id);
            }
            return null;
        });
    }

    /** The login state of the user, its row locked until the transaction ends (the users row is not). */
    private LoginState lockLoginState(Handle h, UserId id) {
        return h.createQuery(
                        "SELECT " + UserRows.LOGIN_COLUMNS + " FROM " + loginTable + " WHERE user_id = :id FOR UPDATE")
                .bind("id", id.toString())
                .map((rs, ctx) -> UserRows.logins(rs))
                .findOne()
                .orElseThrow(() -> new NotFoundException(id));
    }

    private void writeLoginState(Handle h, UserId id, LoginState logins) {
        UserRows.bindLogins(
                        h.createUpdate("UPDATE " + loginTable + " SET " + UserRows.LOGIN_SET + " WHERE user_id = :id"),
                        logins)
                .bind("id", id.toString())
                .execute();
    }

    /**
     * {@inheritDoc}
     *
     * <p>Takes the users row only if no other transaction holds it ({@code FOR UPDATE SKIP LOCKED}): a login
     * never waits for an administration call in flight; the rehash is then skipped (false) and happens at a
     * later login.
     */
    @Override
    public boolean replaceHash(UserId id, PasswordHash expected, PasswordHash replacement) {
        return db.write("replace a password hash", h -> {
            Optional<String> current = h.createQuery(
                            "SELECT password_hash FROM " + table + " WHERE id = :id FOR UPDATE SKIP LOCKED")
                    .bind("id", id.toString())
                    .map((rs, ctx) -> Optional.ofNullable(rs.getString(1)))
                    .findOne()
                    .flatMap(hash -> hash);
            if (current.isEmpty() || !current.get().equals(expected.value())) {
                return false;
            }
            return h.createUpdate("UPDATE " + table + " SET password_hash = :replacement "
                                    + "WHERE id = :id AND password_hash = :expected")
                            .bind("replacement", replacement.value())
                            .bind("id", id.toString())
                            .bind("expected", expected.value())
                            .execute()
                    == 1;
        });
    }

    @Override
    public Page<User> search(UserSearch search) {
        String text = search.foldedText();
        return db.call("search users", h -> {
            StringBuilder sql = new StringBuilder(selectColumns).append(" WHERE 1 = 1");
            if (search.after().isPresent()) {
                sql.append(" AND u.username > :after");
            }
            if (!text.isEmpty()) {
                sql.append(" AND u.search_text LIKE :pattern ESCAPE '")
                        .append(SqlValues.LIKE_ESCAPE)
                        .append('\'');
            }
            sql.append(" ORDER BY u.username FETCH FIRST :rows ROWS ONLY");
            Query query = h.createQuery(sql.toString()).bind("rows", search.limit() + 1);
            search.after().ifPresent(a -> query.bind("after", a.value()));
            if (!text.isEmpty()) {
                query.bind("pattern", SqlValues.containsPattern(text));
            }
            return page(query.map((rs, ctx) -> UserRows.map(rs)).list(), search.limit());
        });
    }

    /**
     * One page of users whose username starts with the search's text (folded to lower case, as usernames
     * are stored), ordered by username after {@code search.after()}. Unlike {@link #search}, which must scan
     * every row for a substring, this walks the primary-key index: it stays fast at millions of users. For
     * hosts that offer username completion; {@code %} and {@code _} are literal here too.
     *
     * @throws dev.locksmith.core.domain.UnavailableException on database failure
     */
    public Page<User> searchByUsernamePrefix(UserSearch search) {
        // Usernames are stored case-folded as search folds its text.
        String prefix = search.foldedText();
        Optional<String> upper = SqlValues.prefixUpperBound(prefix);
        String sql = prefixSearchSql(
                !prefix.isEmpty(), upper.isPresent(), search.after().isPresent());
        return db.call("search users by username prefix", h -> {
            Query query = h.createQuery(sql).bind("rows", search.limit() + 1);
            if (!prefix.isEmpty()) {
                query.bind("lower", prefix).bind("pattern", SqlValues.prefixPattern(prefix));
                upper.ifPresent(u -> query.bind("upper", u));
            }
            search.after().ifPresent(a -> query.bind("after", a.value()));
            return page(query.map((rs, ctx) -> UserRows.map(rs)).list(), search.limit());
        });
    }

    /** The statement of {@link #searchByUsernamePrefix}; package-private so a test can ask for its plan. */
    String prefixSearchSql(boolean hasPrefix, boolean hasUpper, boolean hasAfter) {
        StringBuilder sql = new StringBuilder(selectColumns).append(" WHERE 1 = 1");
        if (hasPrefix) {
            // The range lets any database use the primary-key index; LIKE keeps the answer exact on its own.
            sql.append(" AND u.username >= :lower");
            if (hasUpper) {
                sql.append(" AND u.username < :upper");
            }
            sql.append(" AND u.username LIKE :pattern ESCAPE '")
                    .append(SqlValues.LIKE_ESCAPE)
                    .append('\'');
        }
        if (hasAfter) {
            sql.append(" AND u.username > :after");
        }
        return sql.append(" ORDER BY u.username FETCH FIRST :rows ROWS ONLY").toString();
    }

    /** The first {@code limit} rows, with a cursor when the query found one more. */
    private static Page<User> page(List<User> rows, int limit) {
        if (rows.size() <= limit) {
            return new Page<>(rows, Optional.empty());
        }
        List<User> items = new ArrayList<>(rows.subList(0, limit));
        return new Page<>(items, Optional.of(items.get(limit - 1).username().value()));
    }

    @Override
    public long countEnabledAdministrators() {
        // Lock the enabled administrators' rows first, then count with a fresh statement: a concurrent
        // transaction that is about to demote, disable or delete one of them holds those locks, so this one
        // waits for it and then counts what it committed. Without the locks, two administrators disabling each
        // other at once would both see two administrators and both succeed (write skew).
        return db.call("count administrators", h -> {
            // Take turns with every other counter first, even when there is no administrator row to lock: two
            // bootstraps of a first administrator would otherwise both count zero and both commit.
            h.createQuery("SELECT name FROM " + guards + " WHERE name = 'administrators' FOR UPDATE")
                    .mapTo(String.class)
                    .list();
            h.createQuery("SELECT username FROM " + table + " WHERE administrator = TRUE AND enabled = TRUE FOR UPDATE")
                    .mapTo(String.class)
                    .list();
            return h.createQuery("SELECT COUNT(*) FROM " + table + " WHERE administrator = TRUE AND enabled = TRUE")
                    .mapTo(Long.class)
                    .one();
        });
    }

    /** Number of users; for operators and benchmarks. */
    public long count() {
        return db.call(
                "count users",
                h -> h.createQuery("SELECT COUNT(*) FROM " + table)
                        .mapTo(Long.class)
                        .one());
    }
}
