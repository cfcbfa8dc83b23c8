package dev.locksmith.jdbc;

import dev.locksmith.core.domain.PasswordHash;
import dev.locksmith.core.domain.PasswordPolicy;
import dev.locksmith.core.domain.Username;
import dev.locksmith.core.port.PasswordHistory;

import java.time.Instant;
import java.util.List;

/**
 * {@link PasswordHistory} in SQL: one row per replaced hash, newest by insertion order (an identity column),
 * at most {@link PasswordPolicy#MAX_HISTORY} kept per user. Joins the store's current transaction.
 *
 * <p>Obtained from {@link JdbiStore#passwordHistory()}. Thread-safe. Throws only
 * {@link dev.locksmith.core.domain.UnavailableException} (database failure).
 */
public final class JdbiPasswordHistory implements PasswordHistory {
    private final Database db;
    private final String table;

    JdbiPasswordHistory(Database db) {
        this.db = db;
        this.table = db.tables().passwordHistory();
    }

    @Override
    public List<PasswordHash> recent(Username username, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return db.call("read password history", h -> h.createQuery("SELECT password_hash FROM " + table
                        + " WHERE username = :username ORDER BY id DESC FETCH FIRST :rows ROWS ONLY")
                .bind("username", username.value())
                .bind("rows", Math.min(limit, PasswordPolicy.MAX_HISTORY))
                .map((rs, ctx) -> new PasswordHash(rs.getString(1)))
                .list());
    }

    @Override
    public void push(Username username, PasswordHash previous, Instant replacedAt) {
        db.call("record password history", h -> {
            h.createUpdate("INSERT INTO " + table + " (username, password_hash, replaced_at) "
                            + "VALUES (:username, :hash, :replaced_at)")
                    .bind("username", username.value())
                    .bind("hash", previous.value())
                    .bind("replaced_at", SqlValues.timestamp(replacedAt))
                    .execute();
            // Everything older than the newest MAX_HISTORY entries goes (nothing when there are fewer).
            h.createUpdate("DELETE FROM " + table + " WHERE username = :username AND id <= (SELECT id FROM " + table
                            + " WHERE username = :username ORDER BY id DESC OFFSET :keep ROWS FETCH FIRST 1 ROW ONLY)")
                    .bind("username", username.value())
                    .bind("keep", PasswordPolicy.MAX_HISTORY)
                    .execute();
            return null;
        });
    }

    @Override
    public void forget(Username username) {
        db.call("forget password history", h -> h.createUpdate("DELETE FROM " + table + " WHERE username = :username")
                .bind("username", username.value())
                .execute());
    }
}
