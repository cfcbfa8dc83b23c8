package dev.locksmith.jdbc;

import dev.locksmith.core.domain.NotFoundException;
import dev.locksmith.core.domain.PasswordHash;
import dev.locksmith.core.domain.PasswordPolicy;
import dev.locksmith.core.domain.Username;
import dev.locksmith.core.port.PasswordHistory;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * {@link PasswordHistory} in SQL: one row per replaced hash, newest by insertion order (an identity column),
 * at most {@link PasswordPolicy#MAX_HISTORY} kept per user. Rows belong to the user's identity, not to the
 * username: they are deleted with the user (ON DELETE CASCADE), and a user created again under the same name
 * starts without history. A history is kept only for a stored user: {@link #push} for a username no user has
 * is {@link NotFoundException}. Joins the store's current transaction.
 *
 * <p>Obtained from {@link JdbiStore#passwordHistory()}. Thread-safe. Throws {@link NotFoundException} as said
 * and {@link dev.locksmith.core.domain.UnavailableException} (database failure).
 */
public final class JdbiPasswordHistory implements PasswordHistory {
    private final Database db;
    private final String table;
    private final String users;

    JdbiPasswordHistory(Database db) {
        this.db = db;
        this.table = db.tables().passwordHistory();
        this.users = db.tables().users();
    }

    @Override
    public List<PasswordHash> recent(Username username, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return db.call(
                "read password history",
                h -> h.createQuery("SELECT p.password_hash FROM " + table + " p JOIN "
                                + users + " u ON u.id = p.user_id WHERE u.username = :username ORDER BY p.id DESC "
                                + "FETCH FIRST :rows ROWS ONLY")
                        .bind("username", username.value())
                        .bind("rows", Math.min(limit, PasswordPolicy.MAX_HISTORY))
                        .map((rs, ctx) -> new PasswordHash(rs.getString(1)))
                        .list());
    }

    /**
     * {@inheritDoc}
     *
     * @throws NotFoundException when no user has this username
     */
    @Override
    public void push(Username username, PasswordHash previous, Instant replacedAt) {
        db.write("record password history", h -> {
            String id = userId(h, username).orElseThrow(() -> new NotFoundException(username));
            h.createUpdate("INSERT INTO " + table + " (user_id, password_hash, replaced_at) "
                            + "VALUES (:id, :hash, :replaced_at)")
                    .bind("id", id)
                    .bind("hash", previous.value())
                    .bind("replaced_at", SqlValues.timestamp(replacedAt))
                    .execute();
            // Everything older than the newest MAX_HISTORY entries goes (nothing when there are fewer).
            h.createUpdate("DELETE FROM " + table + " WHERE user_id = :id AND id <= (SELECT id FROM " + table
                            + " WHERE user_id = :id ORDER BY id DESC OFFSET :keep ROWS FETCH FIRST 1 ROW ONLY)")
                    .bind("id", id)
                    .bind("keep", PasswordPolicy.MAX_HISTORY)
                    .execute();
            return null;
        });
    }

    @Override
    public void forget(Username username) {
        // Deleting the user deletes its history already; this serves a caller that forgets first.
        db.write(
                "forget password history",
                h -> h.createUpdate("DELETE FROM " + table + " WHERE user_id = " + "(SELECT id FROM " + users
                                + " WHERE username = :username)")
                        .bind("username", username.value())
                        .execute());
    }

    private Optional<String> userId(Handle h, Username username) {
        return h.createQuery("SELECT id FROM " + users + " WHERE username = :username")
                .bind("username", username.value())
                .mapTo(String.class)
                .findOne();
    }
}
