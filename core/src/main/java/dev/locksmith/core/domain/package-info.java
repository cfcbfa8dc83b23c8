/**
 * The domain of Locksmith: users and their values, the password secret type, the password policy, audit
 * events, and the error hierarchy rooted at {@link dev.locksmith.core.domain.LocksmithException}. Depends on
 * nothing but the JDK.
 */
package dev.locksmith.core.domain;
