package dev.locksmith.core.internal;

import dev.locksmith.core.domain.AuditEvent;
import dev.locksmith.core.domain.Username;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One attempt of a running use case as {@link UseCaseRunner#run} sees it: the instant it started, whom it
 * concerns, the audit details gathered so far, the providers' claims asked before any transaction, and work
 * to do after the success audit (still inside the transaction), after the commit, or on failure. Confined to
 * the thread running the use case; not thread-safe.
 */
public final class Execution {
    private static final int MAX_DETAILS = 16;
    private static final int MAX_VALUE = 256;

    private final Instant now;
    private Optional<Username> target;
    private final Map<String, String> details = new LinkedHashMap<>();
    private AuditEvent.Outcome outcome = AuditEvent.Outcome.SUCCESS;
    private String code = "OK";
    private final List<Runnable> beforeCommit = new ArrayList<>();
    private final List<Runnable> afterCommit = new ArrayList<>();
    private final List<Runnable> onFailure = new ArrayList<>();
    private final List<Runnable> withFailureEvent = new ArrayList<>();
    private final Map<Username, Claim> claims;

    Execution(Instant now, Optional<Username> target, Map<Username, Claim> claims) {
        this.now = now;
        this.target = target;
        this.claims = claims;
    }

    /**
     * What a security provider answered about a username, asked before any transaction opened (a directory is
     * slow work): the claiming provider, or the failure to ask it.
     */
    record Claim(Optional<dev.locksmith.core.domain.Source.Provider> provider, RuntimeException failure) {}

    /** The claim asked for this username before the use case began, if it was asked. */
    Optional<Claim> claim(Username username) {
        return Optional.ofNullable(claims.get(username));
    }

    /** The instant the use case started; every timestamp it writes uses this one. */
    public Instant now() {
        return now;
    }

    /** Sets whom the use case concerns (for the audit event). */
    public void target(Username username) {
        target = Optional.of(Objects.requireNonNull(username));
    }

    /** Records the event without a target (the request named no one who exists, and naming it could leak). */
    public void clearTarget() {
        target = Optional.empty();
    }

    Optional<Username> target() {
        return target;
    }

    /** Adds a short, secret-free fact to the audit event (at most 16; longer values are cut). */
    public void detail(String key, Object value) {
        if (details.size() < MAX_DETAILS || details.containsKey(key)) {
            String text = String.valueOf(value);
            details.put(key, text.length() > MAX_VALUE ? text.substring(0, MAX_VALUE) : text);
        }
    }

    Map<String, String> details() {
        return details;
    }

    /** Overrides the outcome of a use case that returns normally (a rejected login commits as REJECTED). */
    public void outcome(AuditEvent.Outcome value, String outcomeCode) {
        outcome = Objects.requireNonNull(value);
        code = Objects.requireNonNull(outcomeCode);
    }

    AuditEvent.Outcome outcome() {
        return outcome;
    }

    String code() {
        return code;
    }

    /**
     * Work to run after the success audit event is recorded, still inside the transaction: if it throws,
     * everything rolls back (used to send the new-password email last).
     */
    public void beforeCommit(Runnable work) {
        beforeCommit.add(Objects.requireNonNull(work));
    }

    /** Work to run after the commit; its failure is logged and does not undo anything. */
    public void afterCommit(Runnable work) {
        afterCommit.add(Objects.requireNonNull(work));
    }

    /**
     * In-memory cleanup when the use case fails, whatever the step (wiping a password it made, say). Runs
     * after the rollback, never on success.
     */
    public void onFailure(Runnable work) {
        onFailure.add(Objects.requireNonNull(work));
    }

    /**
     * Store work that must commit even though the use case fails: it runs in the transaction that records the
     * DENIED or FAILED audit event, so the two commit together (a wrong current password counted as a failed
     * login, say).
     */
    public void withFailureEvent(Runnable work) {
        withFailureEvent.add(Objects.requireNonNull(work));
    }

    List<Runnable> onFailureWork() {
        return onFailure;
    }

    List<Runnable> withFailureEventWork() {
        return withFailureEvent;
    }

    List<Runnable> beforeCommitWork() {
        return beforeCommit;
    }

    List<Runnable> afterCommitWork() {
        return afterCommit;
    }
}
