package dev.locksmith.directory;

import dev.locksmith.core.port.SecurityProviders;
import java.util.List;

/** Core's contract against an in-memory directory over ldaps: each managed username is a person's uid. */
class InMemoryContractTest extends LiveDirectoryContract {

    @Override
    protected SecurityProviders providersClaiming(String providerName, List<String> usernames) {
        InMemoryDirectory directory = closedAfterCase(InMemoryDirectory.start());
        for (String username : usernames) {
            directory.person(username, null);
        }
        return providers(directory
                .settings(providerName, directory.ldapsUrl(), passwordFile())
                .build());
    }
}
