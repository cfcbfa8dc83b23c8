/**
 * Locksmith: delegated password administration for appliances. Start at {@link dev.locksmith.core.Locksmith},
 * the composition root that takes the host's port implementations and hands out the use cases.
 */
package dev.locksmith.core;
