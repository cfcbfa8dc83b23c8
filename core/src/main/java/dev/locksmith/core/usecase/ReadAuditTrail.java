package dev.locksmith.core.usecase;

import dev.locksmith.core.domain.AuditRecord;
import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.Username;
import dev.locksmith.core.port.AuditTrail;
import java.util.List;

/**
 * An administrator reads the audit trail, newest first. The read itself is audited (after the events it
 * returns, so it is not among them). Implementations are thread-safe.
 */
public interface ReadAuditTrail {

    /** Who reads which events. */
    public record Command(Username actor, AuditTrail.Query query) {
        public Command {
            InvalidInputException.requireNonNull(actor, "actor");
            InvalidInputException.requireNonNull(query, "query");
        }
    }

    /**
     * The matching events, newest first.
     *
     * @throws dev.locksmith.core.domain.AccessDeniedException unless the actor is an enabled administrator
     */
    List<AuditRecord> execute(Command command);
}
