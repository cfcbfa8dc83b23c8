/**
 * Password hashing with Bouncy Castle: {@link dev.locksmith.crypto.Argon2PasswordHasher} implements core's
 * {@link dev.locksmith.core.port.PasswordHasher} with Argon2id PHC strings, verifies every valid Argon2 PHC
 * string and legacy bcrypt hashes, and bounds the number of concurrent hash computations. Its parameters come
 * from {@link dev.locksmith.crypto.Argon2Settings}.
 */
package dev.locksmith.crypto;
