package dev.locksmith.core.testing;

import dev.locksmith.core.domain.ConflictException;
import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.Reason;
import dev.locksmith.core.domain.UserId;
import dev.locksmith.core.port.ResetTokens;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link ResetTokens} in an {@link InMemoryDatabase}, so the tokens roll back with the other stores. Thread-safe.
 */
public final class InMemoryResetTokens implements ResetTokens {
    private final InMemoryDatabase database;

    public InMemoryResetTokens(InMemoryDatabase database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public void add(ResetToken token) {
        InvalidInputException.requireNonNull(token, "token");
        database.locked(() -> {
            if (database.resetTokens.putIfAbsent(token.tokenHash(), token) != null) {
                throw new ConflictException(Reason.ALREADY_EXISTS, "a reset token with that hash exists", Map.of());
            }
            return null;
        });
    }

    @Override
    public Optional<ResetToken> find(String tokenHash) {
        InvalidInputException.requireNonNull(tokenHash, "tokenHash");
        return database.locked(() -> Optional.ofNullable(database.resetTokens.get(tokenHash)));
    }

    @Override
    public boolean remove(String tokenHash) {
        InvalidInputException.requireNonNull(tokenHash, "tokenHash");
        return database.locked(() -> database.resetTokens.remove(tokenHash) != null);
    }

    @Override
    public void removeAll(UserId user) {
        InvalidInputException.requireNonNull(user, "user");
        database.locked(
                () -> database.resetTokens.values().removeIf(t -> t.user().equals(user)));
    }

    @Override
    public int removeExpired(Instant now) {
        InvalidInputException.requireNonNull(now, "now");
        return database.locked(() -> {
            int before = database.resetTokens.size();
            database.resetTokens.values().removeIf(t -> t.expiredAt(now));
            return before - database.resetTokens.size();
        });
    }
}
