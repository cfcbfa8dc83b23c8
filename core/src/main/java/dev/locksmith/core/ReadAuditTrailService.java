package dev.locksmith.core;

import dev.locksmith.core.domain.AuditRecord;
import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.Operation;
import dev.locksmith.core.internal.UseCaseRunner;
import dev.locksmith.core.port.AuditTrail;
import dev.locksmith.core.usecase.ReadAuditTrail;
import java.util.List;

/** The implementation of {@link ReadAuditTrail}, built by {@link Locksmith}; not API. Thread-safe. */
record ReadAuditTrailService(UseCaseRunner runner, AuditTrail audit) implements ReadAuditTrail {
    @Override
    public List<AuditRecord> execute(Command command) {
        InvalidInputException.requireNonNull(command, "command");
        return runner.runAs(
                Operation.READ_AUDIT_TRAIL, command.actor(), command.query().user(), (run, actor) -> {
                    List<AuditRecord> records = audit.read(command.query());
                    run.detail("events", records.size());
                    return records;
                });
    }
}
