package dev.locksmith.core.testing;

import dev.locksmith.core.domain.AuditRecord;
import dev.locksmith.core.domain.PasswordHash;
import dev.locksmith.core.domain.PasswordPolicy;
import dev.locksmith.core.domain.User;
import dev.locksmith.core.domain.Username;
import dev.locksmith.core.port.ResetTokens;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The one in-memory "database" shared by the in-memory stores ({@link InMemoryUserAccounts},
 * {@link InMemoryPasswordHistory}, {@link InMemoryAuditTrail}, {@link InMemoryPolicyStore}) and their
 * {@link InMemoryTransactions}. Every value it holds is immutable, so a snapshot is a shallow copy of the maps.
 *
 * <p>Thread-safe: every operation holds one reentrant lock; a transaction holds it from begin to end, so
 * transactions are serializable and a single store call outside a transaction is atomic.
 */
public final class InMemoryDatabase {

    /** One previous password of a user. */
    public record HistoryEntry(PasswordHash hash, Instant replacedAt) {
        public HistoryEntry {
            Objects.requireNonNull(hash, "hash");
            Objects.requireNonNull(replacedAt, "replacedAt");
        }
    }

    /**
     * An immutable copy of everything stored, comparable with {@code equals}. Tests use it to prove that a
     * refused or failed use case left the store exactly as before.
     */
    public record State(
            Map<Username, User> users,
            Map<Username, List<HistoryEntry>> history,
            List<AuditRecord> audit,
            long lastSequence,
            Optional<PasswordPolicy> policy,
            Map<String, ResetTokens.ResetToken> resetTokens) {
        public State {
            users = Map.copyOf(users);
            Map<Username, List<HistoryEntry>> copy = new HashMap<>();
            history.forEach((k, v) -> copy.put(k, List.copyOf(v)));
            history = Map.copyOf(copy);
            audit = List.copyOf(audit);
            Objects.requireNonNull(policy, "policy");
            resetTokens = Map.copyOf(resetTokens);
        }

        /** The same state without the audit trail (a refusal still appends its audit event). */
        public State withoutAudit() {
            return new State(users, history, List.of(), 0, policy, resetTokens);
        }
    }

    final ReentrantLock lock = new ReentrantLock();
    /** The thread running a transaction, if any; only read and written under {@link #lock}. */
    volatile Thread transactionOwner;

    final TreeMap<Username, User> users = new TreeMap<>();
    final Map<Username, List<HistoryEntry>> history = new HashMap<>();
    final List<AuditRecord> audit = new ArrayList<>();
    long lastSequence;
    PasswordPolicy policy;
    final Map<String, ResetTokens.ResetToken> resetTokens = new HashMap<>();

    /** Runs {@code operation} holding the lock (joining a transaction of this thread). */
    <T> T locked(Supplier<T> operation) {
        lock.lock();
        try {
            return operation.get();
        } finally {
            lock.unlock();
        }
    }

    /** A consistent copy of everything stored. */
    public State state() {
        return locked(() -> new State(users, history, audit, lastSequence, Optional.ofNullable(policy), resetTokens));
    }

    /** Puts everything back as it was in {@code state}; caller holds the lock. */
    void restore(State state) {
        users.clear();
        users.putAll(state.users());
        history.clear();
        state.history().forEach((k, v) -> history.put(k, new ArrayList<>(v)));
        audit.clear();
        audit.addAll(state.audit());
        lastSequence = state.lastSequence();
        policy = state.policy().orElse(null);
        resetTokens.clear();
        resetTokens.putAll(state.resetTokens());
    }
}
