package dev.locksmith.core.port;

import dev.locksmith.core.domain.Password;

/**
 * Common and breached passwords that must not be used. A false positive may only refuse a password, never
 * admit one. Matching is case-insensitive. Thread-safe.
 */
public interface Blocklist {

    /** Whether the password is on the list. */
    boolean contains(Password password);
}
