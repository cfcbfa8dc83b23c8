package dev.locksmith.directory;

import dev.locksmith.core.port.SecurityProviders;
import dev.locksmith.core.testing.contract.SecurityProvidersContract;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** Core's contract against an in-memory directory over ldaps: each managed username is a person's uid. */
class InMemoryContractTest extends SecurityProvidersContract {

    @TempDir
    Path folder;

    private final List<AutoCloseable> opened = new ArrayList<>();

    @Override
    protected SecurityProviders providersClaiming(String providerName, List<String> usernames) {
        InMemoryDirectory directory = InMemoryDirectory.start();
        opened.add(directory);
        for (String username : usernames) {
            directory.person(username, null);
        }
        LdapSecurityProviders providers = LdapSecurityProviders.builder()
                .provider(directory
                        .settings(providerName, directory.ldapsUrl(), folder.resolve("bind-" + opened.size()))
                        .build())
                .build();
        opened.add(0, providers);
        return providers;
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable resource : opened) {
            resource.close();
        }
    }
}
