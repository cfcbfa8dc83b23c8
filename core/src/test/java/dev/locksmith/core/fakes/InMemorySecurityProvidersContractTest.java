package dev.locksmith.core.fakes;

import dev.locksmith.core.port.SecurityProviders;
import dev.locksmith.core.testing.InMemorySecurityProviders;
import dev.locksmith.core.testing.contract.SecurityProvidersContract;
import java.util.List;

/** The security-providers contract, run against core's in-memory fake. */
class InMemorySecurityProvidersContractTest extends SecurityProvidersContract {
    @Override
    protected SecurityProviders providersClaiming(String providerName, List<String> usernames) {
        InMemorySecurityProviders providers = new InMemorySecurityProviders();
        usernames.forEach(username -> providers.claim(providerName, username));
        return providers;
    }
}
