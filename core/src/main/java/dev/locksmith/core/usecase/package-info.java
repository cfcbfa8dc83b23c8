/**
 * The driving side: one final class per use case, each with one public {@code execute} method and its
 * command and result records. Obtain them from {@link dev.locksmith.core.Locksmith}. Every use case runs in
 * one transaction, re-reads the actor's permissions, asks {@link dev.locksmith.core.domain.Authorization},
 * and audits its outcome; a refusal or failure changes nothing and is audited in a transaction of its own.
 * Commands holding a {@link dev.locksmith.core.domain.Password} hand it over: the use case wipes it.
 */
package dev.locksmith.core.usecase;
