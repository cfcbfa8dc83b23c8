package dev.locksmith.ldap;

import dev.locksmith.core.port.SecurityProviders;
import dev.locksmith.core.testing.contract.SecurityProvidersContract;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/**
 * Core's contract, with the usernames in an LDIF file: spread over the four default username attributes,
 * plain when ASCII and base64 otherwise, as directory exports write them.
 */
class LdifSecurityProvidersContractTest extends SecurityProvidersContract {

    private static final List<String> ATTRIBUTES = List.of("uid", "sAMAccountName", "mail", "userPrincipalName");

    @TempDir
    Path directory;

    @Override
    protected SecurityProviders providersClaiming(String providerName, List<String> usernames) {
        StringBuilder ldif = new StringBuilder("version: 1\n");
        for (int i = 0; i < usernames.size(); i++) {
            ldif.append("\ndn: cn=entry")
                    .append(i)
                    .append(",dc=example,dc=com\nobjectClass: top\n")
                    .append(attribute(ATTRIBUTES.get(i % ATTRIBUTES.size()), usernames.get(i)));
        }
        Path file = directory.resolve("directory.ldif");
        Fixtures.write(file, ldif.toString());
        return LdifSecurityProviders.builder()
                .provider(LdifProvider.builder(providerName, ProviderKind.LDAP)
                        .ldif(file)
                        .build())
                .build();
    }

    /** An LDIF attribute line: the value as it is when ASCII, else base64 ({@code ::}), as exports write it. */
    private static String attribute(String name, String value) {
        return StandardCharsets.US_ASCII.newEncoder().canEncode(value)
                ? name + ": " + value + "\n"
                : name + ":: " + Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)) + "\n";
    }
}
