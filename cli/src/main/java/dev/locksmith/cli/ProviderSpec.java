package dev.locksmith.cli;

import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.ldap.ProviderKind;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * One {@code --provider NAME:KIND:FILE} option: a security provider's name (as core records it), its kind
 * ({@code ldap}, {@code active-directory}, {@code radius}, {@code kerberos}, {@code saml}) and the LDIF file
 * holding its directory copy. The file part may itself contain colons. Immutable.
 */
record ProviderSpec(String name, ProviderKind kind, Path ldif) {
    ProviderSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(ldif, "ldif");
    }

    /**
     * Parses the option's text.
     *
     * @throws InvalidInputException naming {@code --provider} when the text is not {@code NAME:KIND:FILE}
     */
    static ProviderSpec parse(String text) {
        int first = text.indexOf(':');
        int second = first < 0 ? -1 : text.indexOf(':', first + 1);
        if (first <= 0 || second < 0 || second == first + 1 || second == text.length() - 1) {
            throw new InvalidInputException(
                    "--provider",
                    "must be NAME:KIND:FILE, e.g. corp-ad:active-directory:/etc/ad.ldif, not '" + text + "'");
        }
        return new ProviderSpec(
                text.substring(0, first), kind(text.substring(first + 1, second)), Path.of(text.substring(second + 1)));
    }

    private static ProviderKind kind(String text) {
        String name = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        if (name.equals("AD")) {
            return ProviderKind.ACTIVE_DIRECTORY;
        }
        for (ProviderKind kind : ProviderKind.values()) {
            if (kind.name().equals(name)) {
                return kind;
            }
        }
        throw new InvalidInputException(
                "--provider", "kind must be ldap, active-directory, radius, kerberos or saml, not '" + text + "'");
    }
}
