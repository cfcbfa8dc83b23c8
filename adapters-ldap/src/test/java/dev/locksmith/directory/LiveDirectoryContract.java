package dev.locksmith.directory;

import dev.locksmith.core.testing.contract.SecurityProvidersContract;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Core's contract against live directory servers: each case starts its own, and whatever it opened is closed
 * after it, the providers before the servers they talk to.
 */
abstract class LiveDirectoryContract extends SecurityProvidersContract {

    @TempDir
    Path folder;

    private final List<AutoCloseable> opened = new ArrayList<>();

    /** Closes {@code server} after the case; returns it. */
    <T extends AutoCloseable> T closedAfterCase(T server) {
        opened.add(server);
        return server;
    }

    /** A fresh path for a bind password file. */
    Path passwordFile() {
        return folder.resolve("bind-" + opened.size());
    }

    /** Providers of {@code settings}, closed after the case before any server. */
    LdapSecurityProviders providers(LdapProviderSettings settings) {
        LdapSecurityProviders providers =
                LdapSecurityProviders.builder().provider(settings).build();
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
