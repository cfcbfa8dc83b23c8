package dev.locksmith.core.testing;

import dev.locksmith.core.domain.ConflictException;
import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.LoginState;
import dev.locksmith.core.domain.NotFoundException;
import dev.locksmith.core.domain.Page;
import dev.locksmith.core.domain.PasswordHash;
import dev.locksmith.core.domain.User;
import dev.locksmith.core.domain.UserId;
import dev.locksmith.core.domain.UserSearch;
import dev.locksmith.core.domain.Username;
import dev.locksmith.core.port.UserAccounts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link UserAccounts} in an {@link InMemoryDatabase}: users ordered by username, optimistic writes on identity
 * and version, login state changed atomically under the database lock without touching the version,
 * case-insensitive literal substring search.
 * Thread-safe.
 */
public final class InMemoryUserAccounts extends InMemoryStore implements UserAccounts {
    public InMemoryUserAccounts(InMemoryDatabase database) {
        super(database);
    }

    @Override
    public Optional<User> find(Username username) {
        InvalidInputException.requireNonNull(username, "username");
        return locked(() -> Optional.ofNullable(database.users.get(username)));
    }

    @Override
    public void add(User user) {
        InvalidInputException.requireNonNull(user, "user");
        change(() -> {
            boolean idTaken = database.users.values().stream().anyMatch(u -> u.id().equals(user.id()));
            if (database.users.containsKey(user.username()) || idTaken) {
                throw ConflictException.alreadyExists(user.username());
            }
            database.users.put(user.username(), user.atVersion(0));
        });
    }

    @Override
    public User update(User user) {
        InvalidInputException.requireNonNull(user, "user");
        return locked(() -> {
            User stored = byId(user.id());
            if (stored.version() != user.version()) {
                throw ConflictException.concurrentChange(user.username());
            }
            User updated = user.withLogins(stored.logins()).atVersion(stored.version() + 1);
            database.users.put(updated.username(), updated);
            return updated;
        });
    }

    @Override
    public void remove(UserId id, long expectedVersion) {
        InvalidInputException.requireNonNull(id, "id");
        change(() -> {
            User stored = byId(id);
            if (stored.version() != expectedVersion) {
                throw ConflictException.concurrentChange(stored.username());
            }
            database.users.remove(stored.username());
        });
    }

    @Override
    public FailedLogin recordFailedLogin(UserId id, Instant now, LoginState.Rule rule) {
        InvalidInputException.requireNonNull(id, "id");
        InvalidInputException.requireNonNull(now, "now");
        InvalidInputException.requireNonNull(rule, "rule");
        return locked(() -> {
            User stored = byId(id);
            LoginState after = stored.logins().failed(now, rule);
            database.users.put(stored.username(), stored.withLogins(after));
            return new FailedLogin(after, !stored.isLockedAt(now) && after.isLockedAt(now));
        });
    }

    @Override
    public LoginState resetFailedLogins(UserId id) {
        InvalidInputException.requireNonNull(id, "id");
        return locked(() -> {
            User stored = byId(id);
            database.users.put(
                    stored.username(), stored.withLogins(stored.logins().cleared()));
            return stored.logins();
        });
    }

    @Override
    public void recordSuccessfulLogin(UserId id, Instant now) {
        InvalidInputException.requireNonNull(id, "id");
        InvalidInputException.requireNonNull(now, "now");
        change(() -> {
            User stored = byId(id);
            database.users.put(
                    stored.username(), stored.withLogins(stored.logins().succeeded(now)));
        });
    }

    @Override
    public boolean replaceHash(UserId id, PasswordHash expected, PasswordHash replacement) {
        InvalidInputException.requireNonNull(id, "id");
        InvalidInputException.requireNonNull(expected, "expected");
        InvalidInputException.requireNonNull(replacement, "replacement");
        return locked(() -> {
            Optional<User> stored = database.users.values().stream()
                    .filter(u -> u.id().equals(id))
                    .findFirst();
            if (stored.isEmpty() || !stored.get().passwordHash().equals(Optional.of(expected))) {
                return false;
            }
            database.users.put(stored.get().username(), stored.get().rehashed(replacement));
            return true;
        });
    }

    /** The stored user with this identity; call under the database lock. */
    private User byId(UserId id) {
        return database.users.values().stream()
                .filter(u -> u.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new NotFoundException(id));
    }

    @Override
    public Page<User> search(UserSearch search) {
        InvalidInputException.requireNonNull(search, "search");
        String needle = search.foldedText();
        return locked(() -> {
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
            Optional<String> next =
                    more ? Optional.of(page.get(page.size() - 1).username().value()) : Optional.empty();
            return new Page<>(page, next);
        });
    }

    @Override
    public long countEnabledAdministrators() {
        return locked(() -> database.users.values().stream()
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
                || user.profile()
                        .email()
                        .map(e -> fold(e.value()).contains(needle))
                        .orElse(false);
    }

    private static String fold(String text) {
        return UserSearch.fold(text);
    }
}
