package dev.locksmith.web;

import dev.locksmith.core.domain.Username;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The console's own sessions, kept in memory and independent of the servlet container's (so a host's
 * session settings cannot weaken them): 256-bit random identifiers, a per-session CSRF token, an idle and an
 * absolute timeout, a new identifier at sign-in, and a bound on how many are kept (the oldest go first).
 * Thread-safe: every method is synchronized (the work inside is a map look-up).
 */
final class Sessions {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What the console knows about the browser it talks to. Mutable under the {@link Sessions} lock only. */
    static final class Session {
        final String id;
        final String csrf;
        final Instant created;
        Instant lastSeen;
        /** The signed-in user; empty before sign-in. */
        Optional<Username> user = Optional.empty();
        /** Signed in with a password that must be changed before anything else. */
        boolean mustChange;
        /** What the user may see: decides the navigation only; core decides every request. */
        Role role = Role.USER;
        /** A message for the next page (after a redirect). */
        String flash;

        private Session(String id, Instant now) {
            this.id = id;
            this.csrf = randomId();
            this.created = now;
            this.lastSeen = now;
        }

        /** Whether {@code token} is this session's CSRF token (compared in constant time). */
        boolean csrfMatches(String token) {
            return token != null
                    && MessageDigest.isEqual(
                            csrf.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
        }

        synchronized String takeFlash() {
            String message = flash;
            flash = null;
            return message;
        }
    }

    /** The signed-in user's standing, for the navigation. */
    enum Role {
        USER,
        PRIVILEGED,
        ADMINISTRATOR
    }

    private final Clock clock;
    private final Duration idle;
    private final Duration absolute;
    private final int capacity;
    /** In creation order, so the oldest are evicted first. */
    private final Map<String, Session> sessions = new LinkedHashMap<>();

    Sessions(Clock clock, Duration idle, Duration absolute, int capacity) {
        this.clock = clock;
        this.idle = idle;
        this.absolute = absolute;
        this.capacity = capacity;
    }

    /** The live session with this identifier, touched; empty when unknown or timed out (then forgotten). */
    synchronized Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Session session = sessions.get(id);
        if (session == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (expired(session, now)) {
            sessions.remove(id);
            return Optional.empty();
        }
        session.lastSeen = now;
        return Optional.of(session);
    }

    /** A new anonymous session. */
    synchronized Session create() {
        Instant now = clock.instant();
        evict(now);
        Session session = new Session(randomId(), now);
        sessions.put(session.id, session);
        return session;
    }

    /**
     * Signs {@code user} in: the old session is forgotten and a new one, with a new identifier and a new CSRF
     * token, takes its place (no fixation).
     */
    synchronized Session signIn(Optional<Session> old, Username user, boolean mustChange, Role role) {
        old.ifPresent(s -> sessions.remove(s.id));
        Session session = create();
        session.user = Optional.of(user);
        session.mustChange = mustChange;
        session.role = role;
        return session;
    }

    /** Forgets the session. */
    synchronized void remove(Session session) {
        sessions.remove(session.id);
    }

    /** Sessions kept now (live or not yet evicted). */
    synchronized int size() {
        return sessions.size();
    }

    private boolean expired(Session session, Instant now) {
        return !now.isBefore(session.lastSeen.plus(idle)) || !now.isBefore(session.created.plus(absolute));
    }

    private void evict(Instant now) {
        sessions.values().removeIf(s -> expired(s, now));
        Iterator<Session> oldest = sessions.values().iterator();
        while (sessions.size() >= capacity && oldest.hasNext()) {
            oldest.next();
            oldest.remove();
        }
    }

    static String randomId() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
