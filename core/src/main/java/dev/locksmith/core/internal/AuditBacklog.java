package dev.locksmith.core.internal;

import dev.locksmith.core.domain.AuditEvent;
import dev.locksmith.core.port.AuditTrail;
import dev.locksmith.core.port.Transactions;
import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Audit events the store could not take when they happened (it was unavailable): kept in memory, at most
 * {@value #MAX_PENDING}, and recorded with the next use case that commits. One per {@code Locksmith};
 * thread-safe.
 */
public final class AuditBacklog {
    private static final System.Logger LOG = System.getLogger("dev.locksmith.core");

    /** Most audit events kept in memory while the store cannot take them. */
    static final int MAX_PENDING = 10_000;

    private final Transactions transactions;
    private final AuditTrail audit;
    private final Deque<AuditEvent> pending = new ArrayDeque<>();
    private final AtomicLong dropped = new AtomicLong();

    public AuditBacklog(Transactions transactions, AuditTrail audit) {
        this.transactions = transactions;
        this.audit = audit;
    }

    /**
     * Records an audit event in a transaction of its own, after the use case's own commit (a notice that could
     * not be sent, say); kept for later when the store cannot take it now.
     */
    public void recordLater(AuditEvent event) {
        try {
            transactions.run(() -> audit.record(event));
        } catch (RuntimeException e) {
            keep(event);
        }
    }

    /**
     * Events kept because the store could not take them, plus those dropped because more than
     * {@value #MAX_PENDING} were waiting. Zero in a healthy system.
     */
    public long unrecorded() {
        synchronized (pending) {
            return pending.size() + dropped.get();
        }
    }

    /** Keeps an event for later, dropping the oldest when the backlog is full. */
    void keep(AuditEvent event) {
        synchronized (pending) {
            if (pending.size() >= MAX_PENDING) {
                pending.pollFirst();
                dropped.incrementAndGet();
                LOG.log(Level.ERROR, "audit backlog full: the oldest unrecorded audit event was dropped");
            }
            pending.addLast(event);
        }
    }

    /** Records the kept events in a transaction of their own; they stay kept when the store still fails. */
    void flush() {
        List<AuditEvent> batch;
        synchronized (pending) {
            if (pending.isEmpty()) {
                return;
            }
            batch = new ArrayList<>(pending);
            pending.clear();
        }
        try {
            transactions.run(() -> batch.forEach(audit::record));
            LOG.log(Level.INFO, "recorded {0} audit events kept while the store was unavailable", batch.size());
        } catch (RuntimeException e) {
            synchronized (pending) {
                for (int i = batch.size() - 1; i >= 0; i--) {
                    pending.addFirst(batch.get(i));
                }
                while (pending.size() > MAX_PENDING) {
                    pending.pollFirst();
                    dropped.incrementAndGet();
                }
            }
        }
    }
}
