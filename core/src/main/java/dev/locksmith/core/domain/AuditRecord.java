package dev.locksmith.core.domain;

import java.util.Objects;

/** An audit event as stored, with the sequence number the trail gave it (increasing with time). */
public record AuditRecord(long sequence, AuditEvent event) {
    public AuditRecord {
        Objects.requireNonNull(event, "event");
    }
}
