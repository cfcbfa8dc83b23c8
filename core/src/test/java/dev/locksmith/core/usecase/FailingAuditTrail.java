package dev.locksmith.core.usecase;

import dev.locksmith.core.domain.AuditEvent;
import dev.locksmith.core.domain.AuditRecord;
import dev.locksmith.core.domain.UnavailableException;
import dev.locksmith.core.port.AuditTrail;
import java.util.List;
import java.util.function.Predicate;

/** An audit trail over another whose recording fails ({@code UNAVAILABLE}) for the events {@code failsOn} picks. */
final class FailingAuditTrail implements AuditTrail {
    private final AuditTrail delegate;
    private final Predicate<AuditEvent> failsOn;

    FailingAuditTrail(AuditTrail delegate, Predicate<AuditEvent> failsOn) {
        this.delegate = delegate;
        this.failsOn = failsOn;
    }

    @Override
    public long record(AuditEvent event) {
        if (failsOn.test(event)) {
            throw new UnavailableException("audit store unavailable", null);
        }
        return delegate.record(event);
    }

    @Override
    public List<AuditRecord> read(Query query) {
        return delegate.read(query);
    }
}
