/**
 * Locksmith: delegated password administration for appliances. Start at {@link dev.locksmith.core.Locksmith},
 * the composition root that takes the host's port implementations and hands out the use cases.
 *
 * <p>The use cases' implementations live here too, out of the API: each is a package-private record of exactly
 * the ports its steps use, built only by {@code Locksmith}; a host sees them through the interfaces of
 * {@link dev.locksmith.core.usecase}.
 */
package dev.locksmith.core;
