package dev.locksmith.core.testing;

import dev.locksmith.core.domain.AuditEvent;
import dev.locksmith.core.domain.AuditRecord;
import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.port.AuditTrail;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link AuditTrail} in an {@link InMemoryDatabase}: append-only, sequence numbers strictly increasing,
 * reads newest first. Thread-safe.
 */
public final class InMemoryAuditTrail extends InMemoryStore implements AuditTrail {
    public InMemoryAuditTrail(InMemoryDatabase database) {
        super(database);
    }

    @Override
    public long record(AuditEvent event) {
        InvalidInputException.requireNonNull(event, "event");
        return locked(() -> {
            long sequence = ++database.lastSequence;
            database.audit.add(new AuditRecord(sequence, event));
            return sequence;
        });
    }

    @Override
    public List<AuditRecord> read(Query query) {
        InvalidInputException.requireNonNull(query, "query");
        return locked(() -> {
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
        return locked(() -> database.audit.stream().map(AuditRecord::event).toList());
    }
}
