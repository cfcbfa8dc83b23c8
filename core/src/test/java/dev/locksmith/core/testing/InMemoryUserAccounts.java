package dev.locksmith.core.testing;

import dev.locksmith.core.domain.ConflictException;
import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.NotFoundException;
import dev.locksmith.core.domain.Page;
import dev.locksmith.core.domain.User;
import dev.locksmith.core.domain.UserSearch;
import dev.locksmith.core.domain.Username;
import dev.locksmith.core.port.UserAccounts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link UserAccounts} in an {@link InMemoryDatabase}: users ordered by username, optimistic versions,
 * atomic failed-login counting (under the database lock), case-insensitive literal substring search.
 * Thread-safe.
 */
public final class InMemoryUserAccounts implements UserAccounts {
    private final InMemoryDatabase database;

    public InMemoryUserAccounts(InMemoryDatabase database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public Optional<User> find(Username username) {
        InvalidInputException.requireNonNull(username, "username");
        return database.locked(() -> Optional.ofNullable(database.users.get(username)));
    }

    @Override
    public void add(User user) {
        InvalidInputException.requireNonNull(user, "user");
        database.locked(() -> {
            if (database.users.containsKey(user.username())) {
                throw ConflictException.alreadyExists(user.username());
            }
            database.users.put(user.username(), user.atVersion(0));
            return null;
        });
    }

    @Override
    public User update(User user) {
        InvalidInputException.requireNonNull(user, "user");
        return database.locked(() -> {
            User stored = database.users.get(user.username());
            if (stored == null) {
                throw new NotFoundException(user.username());
            }
            if (stored.version() != user.version()) {
                throw ConflictException.concurrentChange(user.username());
            }
            User updated = user.atVersion(stored.version() + 1);
            database.users.put(updated.username(), updated);
            return updated;
        });
    }

    @Override
    public void remove(Username username, long expectedVersion) {
        InvalidInputException.requireNonNull(username, "username");
        database.locked(() -> {
            User stored = database.users.get(username);
            if (stored == null) {
                throw new NotFoundException(username);
            }
            if (stored.version() != expectedVersion) {
                throw ConflictException.concurrentChange(username);
            }
            database.users.remove(username);
            return null;
        });
    }

    @Override
    public FailedLogin recordFailedLogin(Username username, Instant now, int threshold, Optional<Duration> lockFor) {
        InvalidInputException.requireNonNull(username, "username");
        InvalidInputException.requireNonNull(now, "now");
        InvalidInputException.requireNonNull(lockFor, "lockFor");
        return database.locked(() -> {
            User stored = database.users.get(username);
            if (stored == null) {
                throw new NotFoundException(username);
            }
            boolean lockedBefore = stored.isLockedAt(now);
            User updated = stored.failedLogin(now, threshold, lockFor).atVersion(stored.version() + 1);
            database.users.put(username, updated);
            return new FailedLogin(updated, !lockedBefore && updated.isLockedAt(now));
        });
    }

    @Override
    public Page<User> search(UserSearch search) {
        InvalidInputException.requireNonNull(search, "search");
        String needle = search.foldedText();
        return database.locked(() -> {
            var candidates = search.after().isPresent()
                    ? database.users.tailMap(search.after().get(), false).values()
                    : database.users.values();
            List<User> page = new ArrayList<>();
            boolean more = false;
            for (User user : candidates) {
                if (!matches(user, needle)) {
                    continue;
                }
                if (page.size() == search.limit()) {
                    more = true;
                    break;
                }
                page.add(user);
            }
            Optional<String> next = more ? Optional.of(page.get(page.size() - 1).username().value()) : Optional.empty();
            return new Page<>(page, next);
        });
    }

    @Override
    public long countEnabledAdministrators() {
        return database.locked(() -> database.users.values().stream()
                .filter(u -> u.enabled() && u.isAdministrator())
                .count());
    }

    private static boolean matches(User user, String needle) {
        if (needle.isEmpty()) {
            return true;
        }
        return fold(user.username().value()).contains(needle)
                || fold(user.profile().publicName()).contains(needle)
                || fold(user.profile().privateName()).contains(needle)
                || user.profile().email().map(e -> fold(e.value()).contains(needle)).orElse(false);
    }

    private static String fold(String text) {
        return UserSearch.fold(text);
    }
}
