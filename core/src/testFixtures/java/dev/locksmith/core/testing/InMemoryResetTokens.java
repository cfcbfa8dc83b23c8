package dev.locksmith.core.testing;

import dev.locksmith.core.domain.ConflictException;
import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.Reason;
import dev.locksmith.core.domain.UserId;
import dev.locksmith.core.port.ResetTokens;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * {@link ResetTokens} in an {@link InMemoryDatabase}, so the tokens roll back with the other stores. Thread-safe.
 */
public final class InMemoryResetTokens extends InMemoryStore implements ResetTokens {
    public InMemoryResetTokens(InMemoryDatabase database) {
        super(database);
    }

    @Override
    public void add(ResetToken token) {
        InvalidInputException.requireNonNull(token, "token");
        change(() -> {
            if (database.resetTokens.putIfAbsent(token.tokenHash(), token) != null) {
                throw new ConflictException(Reason.ALREADY_EXISTS, "a reset token with that hash exists", Map.of());
            }
        });
    }

    @Override
    public Optional<ResetToken> find(String tokenHash) {
        InvalidInputException.requireNonNull(tokenHash, "tokenHash");
        return locked(() -> Optional.ofNullable(database.resetTokens.get(tokenHash)));
    }

    @Override
    public boolean remove(String tokenHash) {
        InvalidInputException.requireNonNull(tokenHash, "tokenHash");
        return locked(() -> database.resetTokens.remove(tokenHash) != null);
    }

    @Override
    public void removeAll(UserId user) {
        InvalidInputException.requireNonNull(user, "user");
        locked(() -> database.resetTokens.values().removeIf(t -> t.user().equals(user)));
    }

    @Override
    public int removeExpired(Instant now) {
        InvalidInputException.requireNonNull(now, "now");
        return locked(() -> {
            int before = database.resetTokens.size();
            database.resetTokens.values().removeIf(t -> t.expiredAt(now));
            return before - database.resetTokens.size();
        });
    }
}
