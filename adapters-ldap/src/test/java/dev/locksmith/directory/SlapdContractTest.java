package dev.locksmith.directory;

import dev.locksmith.core.port.SecurityProviders;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

/** Core's contract against a real OpenLDAP server per case, the usernames as uids (base64 when not ASCII). */
class SlapdContractTest extends LiveDirectoryContract {

    private static final TestCertificates CA = TestCertificates.authority("Locksmith slapd contract CA");

    @Override
    protected SecurityProviders providersClaiming(String providerName, List<String> usernames) throws Exception {
        StringBuilder people = new StringBuilder();
        for (int i = 0; i < usernames.size(); i++) {
            people.append("dn: cn=entry")
                    .append(i)
                    .append(",ou=people,dc=example,dc=com\n")
                    .append("objectClass: inetOrgPerson\ncn: entry")
                    .append(i)
                    .append("\nsn: person\n")
                    .append(attribute("uid", usernames.get(i)))
                    .append("\n");
        }
        RunningSlapd slapd = closedAfterCase(RunningSlapd.start(CA, people.toString()));
        Path password = passwordFile();
        Files.writeString(password, RunningSlapd.SERVICE_PASSWORD);
        return providers(LdapProviderSettings.builder(providerName)
                .url(slapd.ldapsUrl())
                .trustStore(CA.certificate())
                .bindDn(ExampleTree.SERVICE_DN)
                .bindPasswordFile(password)
                .baseDn(ExampleTree.BASE)
                .build());
    }

    /** An LDIF attribute line: the value as it is when ASCII, else base64 ({@code ::}). */
    private static String attribute(String name, String value) {
        return StandardCharsets.US_ASCII.newEncoder().canEncode(value)
                ? name + ": " + value + "\n"
                : name + ":: " + Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)) + "\n";
    }
}
