/**
 * Driven ports: the interfaces adapters implement (stores, hasher, screening, security providers, mail,
 * transactions). Named in the domain's language; every implementation throws only
 * {@link dev.locksmith.core.domain.LocksmithException}s.
 */
package dev.locksmith.core.port;
