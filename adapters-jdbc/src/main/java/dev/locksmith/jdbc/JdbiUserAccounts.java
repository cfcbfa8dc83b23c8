package dev.locksmith.jdbc;

import dev.locksmith.core.domain.ConflictException;
import dev.locksmith.core.domain.LocksmithException;
import dev.locksmith.core.domain.NotFoundException;
import dev.locksmith.core.domain.Page;
import dev.locksmith.core.domain.Reason;
import dev.locksmith.core.domain.User;
import dev.locksmith.core.domain.UserSearch;
import dev.locksmith.core.domain.Username;
import dev.locksmith.core.port.UserAccounts;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@link UserAccounts} in SQL. Writes are optimistic: {@code UPDATE ... WHERE version = ?}, so a concurrent
 * change is a {@link ConflictException}, never a lost update. {@link #recordFailedLogin} locks the user's row
 * ({@code SELECT ... FOR UPDATE}) for the rest of the transaction, so the count is exact under any number of
 * concurrent callers, in this process or in others sharing the database.
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
    private final String guards;
    private final String selectColumns;
    private final String insertSql;

    JdbiUserAccounts(Database db) {
        this.db = db;
        this.table = db.tables().users();
        this.guards = db.tables().guards();
        this.selectColumns = "SELECT " + UserRows.COLUMNS + " FROM " + table;
        this.insertSql = "INSERT INTO " + table + " (" + UserRows.COLUMNS + ") VALUES (" + UserRows.INSERT_VALUES + ")";
    }

    @Override
    public Optional<User> find(Username username) {
        return db.call("find a user", h -> find(h, username, false));
    }

    private Optional<User> find(Handle h, Username username, boolean forUpdate) {
        return h.createQuery(selectColumns + " WHERE username = :username" + (forUpdate ? " FOR UPDATE" : ""))
                .bind("username", username.value())
                .map((rs, ctx) -> UserRows.map(rs))
                .findOne();
    }

    @Override
    public void add(User user) {
        db.call("add a user", h -> {
            insertGuarded(h, user);
            return null;
        });
    }

    /**
     * Adds many users in batches, in one transaction (or the caller's): for imports and benchmarks. Each user
     * is stored at version 0.
     *
     * @throws ConflictException with {@code ALREADY_EXISTS} when a username is taken (nothing is added)
     */
    public void addAll(List<User> users) {
        Set<Username> seen = new HashSet<>();
        for (User user : users) {
            if (!seen.add(user.username())) {
                throw ConflictException.alreadyExists(user.username());
            }
        }
        db.call("add users", h -> {
            for (int from = 0; from < users.size(); from += 1000) {
                PreparedBatch batch = h.prepareBatch(insertSql);
                for (User user : users.subList(from, Math.min(users.size(), from + 1000))) {
                    UserRows.bind(batch, user, 0).add();
                }
                try {
                    batch.execute();
                } catch (RuntimeException e) {
                    if (SqlErrors.isUniqueViolation(e)) {
                        throw new ConflictException(Reason.ALREADY_EXISTS, "a username is already taken", Map.of());
                    }
                    throw e;
                }
            }
            return null;
        });
    }

    /**
     * Inserts inside a savepoint: PostgreSQL aborts a whole transaction on a failed statement, and a taken
     * username must leave a caller's transaction usable.
     */
    private void insertGuarded(Handle h, User user) {
        String savepoint = "locksmith_add_user";
        h.savepoint(savepoint);
        try {
            UserRows.bind(h.createUpdate(insertSql), user, 0).execute();
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
        return db.call("update a user", h -> {
            long version = user.version();
            int rows;
            try {
                rows = UserRows.bind(h.createUpdate("UPDATE " + table + " SET " + UserRows.UPDATE_SET
                                + ", version = :next_version WHERE username = :username AND version = :version"), user, version)
                        .bind("next_version", version + 1)
                        .execute();
            } catch (RuntimeException e) {
                if (SqlErrors.isConcurrencyFailure(e) && !SqlErrors.isLockTimeout(e)) {
                    throw ConflictException.concurrentChange(user.username());
                }
                throw e;
            }
            if (rows == 0) {
                throw missingOrChanged(h, user.username());
            }
            return UserRows.stored(user).atVersion(version + 1);
        });
    }

    @Override
    public void remove(Username username, long expectedVersion) {
        db.call("remove a user", h -> {
            int rows;
            try {
                rows = h.createUpdate("DELETE FROM " + table + " WHERE username = :username AND version = :version")
                        .bind("username", username.value())
                        .bind("version", expectedVersion)
                        .execute();
            } catch (RuntimeException e) {
                if (SqlErrors.isConcurrencyFailure(e) && !SqlErrors.isLockTimeout(e)) {
                    throw ConflictException.concurrentChange(username);
                }
                throw e;
            }
            if (rows == 0) {
                throw missingOrChanged(h, username);
            }
            return null;
        });
    }

    private LocksmithException missingOrChanged(Handle h, Username username) {
        boolean exists = h.createQuery("SELECT 1 FROM " + table + " WHERE username = :username")
                .bind("username", username.value())
                .mapTo(Integer.class)
                .findOne()
                .isPresent();
        return exists ? ConflictException.concurrentChange(username) : new NotFoundException(username);
    }

    @Override
    public FailedLogin recordFailedLogin(Username username, Instant now, int threshold, Optional<Duration> lockFor) {
        return db.call("record a failed login", h -> {
            // The row lock taken here is held until the transaction ends: concurrent callers, in this pool or
            // another, queue on it and each sees the count its predecessor committed.
            User current = find(h, username, true).orElseThrow(() -> new NotFoundException(username));
            Instant at = SqlValues.stored(now);
            User next = current.failedLogin(at, threshold, lockFor);
            boolean lockedNow = threshold > 0 && next.failedLogins() >= threshold && !current.isLockedAt(at);
            h.createUpdate("UPDATE " + table + " SET failed_logins = :failed_logins, lock_since = :lock_since, "
                            + "lock_until = :lock_until, version = version + 1 WHERE username = :username")
                    .bind("failed_logins", next.failedLogins())
                    .bind("lock_since", SqlValues.timestamp(next.lock().map(l -> l.since())))
                    .bind("lock_until", SqlValues.timestamp(next.lock().flatMap(l -> l.until())))
                    .bind("username", username.value())
                    .execute();
            return new FailedLogin(UserRows.stored(next).atVersion(current.version() + 1), lockedNow);
        });
    }

    @Override
    public Page<User> search(UserSearch search) {
        String text = search.foldedText();
        return db.call("search users", h -> {
            StringBuilder sql = new StringBuilder(selectColumns).append(" WHERE 1 = 1");
            if (search.after().isPresent()) {
                sql.append(" AND username > :after");
            }
            if (!text.isEmpty()) {
                sql.append(" AND search_text LIKE :pattern ESCAPE '").append(SqlValues.LIKE_ESCAPE).append('\'');
            }
            sql.append(" ORDER BY username FETCH FIRST :rows ROWS ONLY");
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
        String sql = prefixSearchSql(!prefix.isEmpty(), upper.isPresent(), search.after().isPresent());
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
            sql.append(" AND username >= :lower");
            if (hasUpper) {
                sql.append(" AND username < :upper");
            }
            sql.append(" AND username LIKE :pattern ESCAPE '").append(SqlValues.LIKE_ESCAPE).append('\'');
        }
        if (hasAfter) {
            sql.append(" AND username > :after");
        }
        return sql.append(" ORDER BY username FETCH FIRST :rows ROWS ONLY").toString();
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
            h.createQuery("SELECT username FROM " + table
                            + " WHERE administrator = TRUE AND enabled = TRUE FOR UPDATE")
                    .mapTo(String.class)
                    .list();
            return h.createQuery("SELECT COUNT(*) FROM " + table + " WHERE administrator = TRUE AND enabled = TRUE")
                    .mapTo(Long.class)
                    .one();
        });
    }

    /** Number of users; for operators and benchmarks. */
    public long count() {
        return db.call("count users", h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
    }
}
