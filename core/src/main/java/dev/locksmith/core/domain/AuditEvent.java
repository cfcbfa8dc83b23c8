package dev.locksmith.core.domain;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of the audit trail: who did what to whom, when, and how it ended. Never holds a password;
 * {@code details} values are short machine-readable facts (flags, codes, provider names). Immutable.
 *
 * @param at when it happened
 * @param actor who acted; empty for an anonymous login attempt
 * @param action what was attempted
 * @param target whom it concerned, if anyone
 * @param outcome how it ended
 * @param code machine-readable detail: a {@link Reason} name, an authentication result, or "OK"
 * @param details further facts (at most 16 entries of at most 256 characters each)
 */
public record AuditEvent(
        Instant at,
        Optional<Username> actor,
        Operation action,
        Optional<Username> target,
        Outcome outcome,
        String code,
        Map<String, String> details) {

    /** How it ended. */
    public enum Outcome {
        /** Done and committed. */
        SUCCESS,
        /** Refused by the authorization matrix. */
        DENIED,
        /** Refused for bad input or policy, or failed (conflict, mail, infrastructure); nothing changed. */
        FAILED,
        /** A login attempt that did not succeed (wrong password, locked, disabled, expired...). */
        REJECTED
    }

    public AuditEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(code, "code");
        if (code.isEmpty() || code.length() > 64) {
            throw new IllegalArgumentException("code must be 1 to 64 characters");
        }
        details = Map.copyOf(details);
        if (details.size() > 16) {
            throw new IllegalArgumentException("too many details");
        }
        details.forEach((k, v) -> {
            if (k.isEmpty() || k.length() > 64 || v.length() > 256) {
                throw new IllegalArgumentException("detail too long: " + k);
            }
        });
    }
}
