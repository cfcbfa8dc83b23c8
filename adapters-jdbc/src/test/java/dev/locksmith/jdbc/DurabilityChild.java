package dev.locksmith.jdbc;

import dev.locksmith.core.domain.AuditEvent;
import dev.locksmith.core.domain.Operation;
import dev.locksmith.core.domain.User;
import dev.locksmith.core.domain.Username;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The child JVM of {@link DurabilityTest}: opens the embedded store in the given file and, until killed (or a
 * minute has passed), changes one user's password in a transaction with its history entry and audit event,
 * printing {@code committed <version>} after each commit returned.
 */
public final class DurabilityChild {
    static final Username USER = Username.of("durable");

    private DurabilityChild() {}

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        JdbiStore store = JdbiStore.embedded(Path.of(args[0]));
        store.userAccounts().add(Fixtures.localUser(USER.value()));
        out.println("ready");
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        for (int i = 1; Instant.now().isBefore(deadline); i++) {
            int change = i;
            long version = store.transactions().inTransaction(() -> {
                User current = store.userAccounts().find(USER).orElseThrow();
                store.passwordHistory().push(USER, current.passwordHash().orElseThrow(), Fixtures.NOW);
                User updated = store.userAccounts()
                        .update(current.passwordChangedBySelf(Fixtures.hash("v" + change), Fixtures.NOW));
                store.auditTrail()
                        .record(new AuditEvent(
                                Fixtures.NOW,
                                Optional.of(USER),
                                Operation.CHANGE_OWN_PASSWORD,
                                Optional.of(USER),
                                AuditEvent.Outcome.SUCCESS,
                                "OK",
                                Map.of("version", Long.toString(updated.version()))));
                return updated.version();
            });
            out.println("committed " + version);
        }
        store.close();
    }
}
