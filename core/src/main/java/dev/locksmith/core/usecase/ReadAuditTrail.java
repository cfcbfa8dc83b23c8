package dev.locksmith.core.usecase;

import dev.locksmith.core.domain.AuditEvent;
import dev.locksmith.core.domain.AuditRecord;
import dev.locksmith.core.domain.Authorization;
import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.Username;
import dev.locksmith.core.internal.Services;
import dev.locksmith.core.port.AuditTrail;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An administrator reads the audit trail, newest first. The read itself is audited (after the events it
 * returns, so it is not among them). Thread-safe.
 */
public final class ReadAuditTrail {
    private final Services services;

    /** Obtained from {@code Locksmith#readAuditTrail()}; the constructor is not API. */
    @SuppressWarnings("exports")
    public ReadAuditTrail(Services services) {
        this.services = Objects.requireNonNull(services, "services");
    }

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
    public List<AuditRecord> execute(Command command) {
        InvalidInputException.requireNonNull(command, "command");
        return services.run(AuditEvent.Action.READ_AUDIT_TRAIL, Optional.of(command.actor()),
                command.query().user(), run -> {
                    services.requireActor(run, command.actor(), Authorization.Action.READ_AUDIT_TRAIL);
                    List<AuditRecord> records = services.audit().read(command.query());
                    run.detail("events", records.size());
                    return records;
                });
    }
}
