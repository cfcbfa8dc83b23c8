package dev.locksmith.core.testing;

import dev.locksmith.core.domain.AuditEvent;
import dev.locksmith.core.domain.AuditRecord;
import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.port.AuditTrail;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@link AuditTrail} in an {@link InMemoryDatabase}: append-only, sequence numbers strictly increasing,
 * reads newest first. Thread-safe.
 */
public final class InMemoryAuditTrail implements AuditTrail {
    private final InMemoryDatabase database;

    public InMemoryAuditTrail(InMemoryDatabase database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public long record(AuditEvent event) {
        InvalidInputException.requireNonNull(event, "event");
        return database.locked(() -> {
            long sequence = ++database.lastSequence;
            database.audit.add(new AuditRecord(sequence, event));
            return sequence;
        });
    }

    @Override
    public List<AuditRecord> read(Query query) {
        InvalidInputException.requireNonNull(query, "query");
        return database.locked(() -> {
            List<AuditRecord> out = new ArrayList<>();
            for (int i = database.audit.size() - 1; i >= 0 && out.size() < query.limit(); i--) {
                AuditRecord record = database.audit.get(i);
                if (query.before().isPresent()
                        && record.sequence() >= query.before().get()) {
                    continue;
                }
                if (query.user().isPresent()
                        && !record.event().actor().equals(query.user())
                        && !record.event().target().equals(query.user())) {
                    continue;
                }
                out.add(record);
            }
            return List.copyOf(out);
        });
    }

    /** Every event, oldest first (for assertions). */
    public List<AuditEvent> events() {
        return database.locked(
                () -> database.audit.stream().map(AuditRecord::event).toList());
    }
}
