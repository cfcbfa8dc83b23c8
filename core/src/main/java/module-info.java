/**
 * Locksmith core: domain, policy, authorization, use cases and ports. Requires nothing but java.base.
 * {@code dev.locksmith.core.internal} is deliberately not exported.
 */
module dev.locksmith.core {
    exports dev.locksmith.core;
    exports dev.locksmith.core.domain;
    exports dev.locksmith.core.port;
    exports dev.locksmith.core.usecase;
}
