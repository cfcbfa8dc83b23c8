package dev.locksmith.ldap;

import dev.locksmith.core.port.SecurityProviders;
import dev.locksmith.core.testing.contract.SecurityProvidersContract;
import java.util.List;

/** Core's contract, with the usernames given to the builder instead of an LDIF file. */
class ProgrammaticSecurityProvidersContractTest extends SecurityProvidersContract {

    @Override
    protected SecurityProviders providersClaiming(String providerName, List<String> usernames) {
        return LdifSecurityProviders.builder()
                .provider(LdifProvider.builder(providerName, ProviderKind.RADIUS)
                        .usernames(usernames)
                        .build())
                .build();
    }
}
