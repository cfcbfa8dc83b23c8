package dev.locksmith.jdbc;

import dev.locksmith.core.domain.PasswordHash;
import dev.locksmith.core.domain.Profile;
import dev.locksmith.core.domain.User;
import dev.locksmith.core.domain.Username;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** Test data for the adapter's own tests. */
final class Fixtures {
    static final Instant NOW = Instant.parse("2031-05-06T07:08:09.123456Z");

    private Fixtures() {}

    static PasswordHash hash(String tag) {
        return new PasswordHash("$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$" + tag);
    }

    static User localUser(String name) {
        return User.newLocal(
                Username.of(name), Profile.named("User " + name), Set.of(), hash(name), NOW, false, Optional.empty());
    }
}
