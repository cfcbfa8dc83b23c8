package dev.locksmith.directory;

import dev.locksmith.core.port.SecurityProviders;
import dev.locksmith.core.testing.contract.SecurityProvidersContract;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** Core's contract against a real OpenLDAP server per case, the usernames as uids (base64 when not ASCII). */
class SlapdContractTest extends SecurityProvidersContract {

    private static final TestCertificates CA = TestCertificates.authority("Locksmith slapd contract CA");

    @TempDir
    Path folder;

    private final List<AutoCloseable> opened = new ArrayList<>();

    @Override
    protected SecurityProviders providersClaiming(String providerName, List<String> usernames) throws Exception {
        StringBuilder people = new StringBuilder();
        for (int i = 0; i < usernames.size(); i++) {
            String name = usernames.get(i);
            boolean ascii = StandardCharsets.US_ASCII.newEncoder().canEncode(name);
            people.append("dn: cn=entry")
                    .append(i)
                    .append(",ou=people,dc=example,dc=com\n")
                    .append("objectClass: inetOrgPerson\ncn: entry")
                    .append(i)
                    .append("\nsn: person\nuid")
                    .append(
                            ascii
                                    ? ": " + name
                                    : ":: " + Base64.getEncoder().encodeToString(name.getBytes(StandardCharsets.UTF_8)))
                    .append("\n\n");
        }
        RunningSlapd slapd = RunningSlapd.start(CA, people.toString());
        opened.add(slapd);
        Path password = folder.resolve("bind-" + opened.size());
        Files.writeString(password, RunningSlapd.SERVICE_PASSWORD);
        LdapSecurityProviders providers = LdapSecurityProviders.builder()
                .provider(LdapProviderSettings.builder(providerName)
                        .url(slapd.ldapsUrl())
                        .trustStore(CA.certificate())
                        .bindDn(RunningSlapd.SERVICE_DN)
                        .bindPasswordFile(password)
                        .baseDn(RunningSlapd.BASE)
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
