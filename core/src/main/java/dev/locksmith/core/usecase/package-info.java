/**
 * The driving side: one interface per use case (a driving port), each with one {@code execute} method and its
 * command and result records. Obtain them from {@link dev.locksmith.core.Locksmith}, whose internal
 * implementations are the only ones; a host may substitute its own in tests of its controllers. Every use case
 * re-reads the actor's permissions, asks {@link dev.locksmith.core.domain.Authorization}, and audits its outcome;
 * slow work (hashing, verifying) runs with no transaction held, between a short read and a short write that
 * authorizes again; a refusal or failure changes nothing and is audited in a transaction of its own. Commands
 * holding a {@link dev.locksmith.core.domain.Password} hand it over: the use case wipes it.
 */
package dev.locksmith.core.usecase;
