package dev.locksmith.core;

import dev.locksmith.core.domain.AuditRecord;
import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.Operation;
import dev.locksmith.core.internal.Services;
import dev.locksmith.core.usecase.ReadAuditTrail;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The implementation of {@link ReadAuditTrail}, built by {@link Locksmith}; not API. Thread-safe. */
final class ReadAuditTrailService implements ReadAuditTrail {
    private final Services services;

    ReadAuditTrailService(Services services) {
        this.services = Objects.requireNonNull(services, "services");
    }

    @Override
    public List<AuditRecord> execute(Command command) {
        InvalidInputException.requireNonNull(command, "command");
        return services.run(
                Operation.READ_AUDIT_TRAIL,
                Optional.of(command.actor()),
                command.query().user(),
                run -> {
                    services.requireActor(run, command.actor(), Operation.READ_AUDIT_TRAIL);
                    List<AuditRecord> records = services.audit().read(command.query());
                    run.detail("events", records.size());
                    return records;
                });
    }
}
