package dev.locksmith.jdbc;

import dev.locksmith.core.domain.ConflictException;
import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.Reason;
import dev.locksmith.core.domain.UserId;
import dev.locksmith.core.domain.Username;
import dev.locksmith.core.port.ResetTokens;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * {@link ResetTokens} in SQL (migration V4): one row per token, keyed by the token's SHA-256; the token itself
 * is never stored. Joins the store's current transaction; single use rests on the database (a DELETE of one
 * key answers one row to exactly one of concurrent callers).
 *
 * <p>Obtained from {@link JdbiStore#resetTokens()}. Thread-safe. Throws {@link ConflictException}
 * ({@code ALREADY_EXISTS}) for a duplicate hash and {@link dev.locksmith.core.domain.UnavailableException}
 * (database failure).
 */
public final class JdbiResetTokens implements ResetTokens {
    private final Database db;
    private final String table;

    JdbiResetTokens(Database db) {
        this.db = db;
        // The qualifier ([schema.]prefix) of this store, taken from a table name it qualified.
        String users = db.tables().users();
        this.table = users.substring(0, users.length() - "users".length()) + "reset_tokens";
    }

    @Override
    public void add(ResetToken token) {
        InvalidInputException.requireNonNull(token, "token");
        try {
            db.call(
                    "store a reset token",
                    h -> h.createUpdate("INSERT INTO " + table
                                    + " (token_hash, user_id, username, credential, issued_at, expires_at)"
                                    + " VALUES (:hash, :user, :username, :credential, :issued, :expires)")
                            .bind("hash", token.tokenHash())
                            .bind("user", token.user().value().toString())
                            .bind("username", token.username().value())
                            .bind("credential", token.credential())
                            .bind("issued", SqlValues.timestamp(token.issuedAt()))
                            .bind("expires", SqlValues.timestamp(token.expiresAt()))
                            .execute());
        } catch (RuntimeException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                throw new ConflictException(Reason.ALREADY_EXISTS, "a reset token with that hash exists", Map.of());
            }
            throw e;
        }
    }

    @Override
    public Optional<ResetToken> find(String tokenHash) {
        InvalidInputException.requireNonNull(tokenHash, "tokenHash");
        return db.call(
                "read a reset token",
                h -> h.createQuery("SELECT token_hash, user_id, username, credential," + " issued_at, expires_at FROM "
                                + table + " WHERE token_hash = :hash")
                        .bind("hash", tokenHash)
                        .map((rs, ctx) -> new ResetToken(
                                rs.getString("token_hash"),
                                UserId.parse(rs.getString("user_id")),
                                Username.of(rs.getString("username")),
                                rs.getString("credential"),
                                SqlValues.instant(rs, "issued_at").orElseThrow(),
                                SqlValues.instant(rs, "expires_at").orElseThrow()))
                        .findOne());
    }

    @Override
    public boolean remove(String tokenHash) {
        InvalidInputException.requireNonNull(tokenHash, "tokenHash");
        return delete("use a reset token", "token_hash", tokenHash) == 1;
    }

    @Override
    public void removeAll(UserId user) {
        InvalidInputException.requireNonNull(user, "user");
        delete("remove a user's reset tokens", "user_id", user.value().toString());
    }

    @Override
    public int removeExpired(Instant now) {
        InvalidInputException.requireNonNull(now, "now");
        return db.call(
                "remove expired reset tokens",
                h -> h.createUpdate("DELETE FROM " + table + " WHERE expires_at <= :now")
                        .bind("now", SqlValues.timestamp(now))
                        .execute());
    }

    /** Deletes the tokens whose {@code column} holds {@code value}; returns how many went. */
    private int delete(String action, String column, String value) {
        return db.call(
                action,
                h -> h.createUpdate("DELETE FROM " + table + " WHERE " + column + " = :value")
                        .bind("value", value)
                        .execute());
    }
}
