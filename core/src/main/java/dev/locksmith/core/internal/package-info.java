/**
 * What the use case implementations share, each helper holding only the ports it needs: {@link
 * dev.locksmith.core.internal.UseCaseRunner} (the three steps every use case runs in, its audit event, and the
 * authorization matrix as the use cases apply it), {@link dev.locksmith.core.internal.AuditBacklog}, {@link
 * dev.locksmith.core.internal.PasswordChecks} (the full policy check), {@link
 * dev.locksmith.core.internal.Verifier}, {@link dev.locksmith.core.internal.FailedPasswordChecks} and {@link
 * dev.locksmith.core.internal.Notices}. None hands out a port: a use case is given each port it uses by {@code
 * Locksmith}. Public for the composition root only: not exported by the module, not API, may change at any
 * time.
 */
package dev.locksmith.core.internal;
