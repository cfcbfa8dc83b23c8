package dev.locksmith.core.testing;

import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.PasswordHash;
import dev.locksmith.core.domain.PasswordPolicy;
import dev.locksmith.core.domain.Username;
import dev.locksmith.core.port.PasswordHistory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link PasswordHistory} in an {@link InMemoryDatabase}: newest first, at most
 * {@link PasswordPolicy#MAX_HISTORY} entries per user. Thread-safe.
 */
public final class InMemoryPasswordHistory extends InMemoryStore implements PasswordHistory {
    public InMemoryPasswordHistory(InMemoryDatabase database) {
        super(database);
    }

    @Override
    public List<PasswordHash> recent(Username username, int limit) {
        InvalidInputException.requireNonNull(username, "username");
        if (limit < 0) {
            throw new InvalidInputException("limit", "must not be negative");
        }
        return locked(() -> database.history.getOrDefault(username, List.of()).stream()
                .limit(limit)
                .map(InMemoryDatabase.HistoryEntry::hash)
                .toList());
    }

    @Override
    public void push(Username username, PasswordHash previous, Instant replacedAt) {
        InvalidInputException.requireNonNull(username, "username");
        InvalidInputException.requireNonNull(previous, "previous");
        InvalidInputException.requireNonNull(replacedAt, "replacedAt");
        change(() -> {
            List<InMemoryDatabase.HistoryEntry> entries =
                    database.history.computeIfAbsent(username, u -> new ArrayList<>());
            entries.add(0, new InMemoryDatabase.HistoryEntry(previous, replacedAt));
            while (entries.size() > PasswordPolicy.MAX_HISTORY) {
                entries.remove(entries.size() - 1);
            }
        });
    }

    @Override
    public void forget(Username username) {
        InvalidInputException.requireNonNull(username, "username");
        locked(() -> database.history.remove(username));
    }
}
