/**
 * Locksmith core: domain, policy, authorization, use cases and ports. Requires nothing but java.base.
 */
module dev.locksmith.core {
    exports dev.locksmith.core.domain;
    exports dev.locksmith.core.port;
}
