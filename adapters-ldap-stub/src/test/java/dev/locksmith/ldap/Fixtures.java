package dev.locksmith.ldap;

import dev.locksmith.core.domain.Source;
import dev.locksmith.core.domain.Username;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.Optional;

/** Test helpers: fixture paths, LDIF writing, one-provider set-ups. */
final class Fixtures {
    private Fixtures() {}

    /** The path of a fixture under {@code src/test/resources/ldif}. */
    static Path fixture(String name) {
        try {
            return Path.of(Objects.requireNonNull(Fixtures.class.getResource("/ldif/" + name), name)
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Adapter with a single LDAP provider named {@code directory} reading the file. */
    static LdifSecurityProviders oneProvider(Path ldif) {
        return LdifSecurityProviders.builder()
                .provider(LdifProvider.builder("directory", ProviderKind.LDAP)
                        .ldif(ldif)
                        .build())
                .build();
    }

    /** Provider "first" (LDAP) reading {@code first}, then provider "second" of kind {@code secondKind} reading {@code second}. */
    static LdifSecurityProviders firstAndSecond(Path first, Path second, ProviderKind secondKind) {
        return LdifSecurityProviders.builder()
                .provider(LdifProvider.builder("first", ProviderKind.LDAP)
                        .ldif(first)
                        .build())
                .provider(
                        LdifProvider.builder("second", secondKind).ldif(second).build())
                .build();
    }

    static Optional<String> claimant(LdifSecurityProviders providers, String username) {
        return providers.claimant(Username.of(username)).map(Source.Provider::name);
    }

    /** An LDIF content entry with one uid per name. */
    static String entries(String... uids) {
        StringBuilder text = new StringBuilder("version: 1\n");
        for (String uid : uids) {
            text.append("\ndn: uid=")
                    .append(uid)
                    .append(",ou=people,dc=example,dc=com\nobjectClass: account\nuid: ")
                    .append(uid)
                    .append('\n');
        }
        return text.toString();
    }

    /** Replaces the file's content atomically (write beside it, then rename), as hosts are told to. */
    static void replace(Path file, String content) {
        try {
            Path temporary =
                    Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            Files.writeString(temporary, content, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path file, String content) {
        try {
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
