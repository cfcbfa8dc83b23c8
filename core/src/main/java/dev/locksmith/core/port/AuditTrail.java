package dev.locksmith.core.port;

import dev.locksmith.core.domain.AuditEvent;
import dev.locksmith.core.domain.AuditRecord;
import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.Username;
import java.util.List;
import java.util.Optional;

/**
 * The append-only audit trail. {@link #record} joins the current transaction (so an event commits with the
 * state change it describes). Thread-safe.
 */
public interface AuditTrail {

    /** Appends the event and returns its sequence number (strictly increasing). */
    long record(AuditEvent event);

    /** Events matching the query, newest first. */
    List<AuditRecord> read(Query query);

    /**
     * Which events to read: those whose actor or target is {@code user} (all when empty), with a sequence
     * below {@code before} (newest when empty), at most {@code limit} (1 to 1000).
     */
    record Query(Optional<Username> user, Optional<Long> before, int limit) {
        public Query {
            InvalidInputException.requireNonNull(user, "user");
            InvalidInputException.requireNonNull(before, "before");
            if (limit < 1 || limit > 1000) {
                throw new InvalidInputException("limit", "must be between 1 and 1000");
            }
        }

        /** The newest {@code limit} events. */
        public static Query latest(int limit) {
            return new Query(Optional.empty(), Optional.empty(), limit);
        }
    }
}
