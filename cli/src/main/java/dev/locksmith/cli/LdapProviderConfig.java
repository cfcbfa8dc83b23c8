package dev.locksmith.cli;

import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.directory.LdapProviderSettings;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code --ldap NAME:FILE} option: a security provider backed by a live LDAP or Active Directory server, its
 * settings in a Java properties file (UTF-8). Keys:
 *
 * <pre>
 * url = ldaps://dc1.example.com ldaps://dc2.example.com (required: servers in failover order; ldap:// uses StartTLS)
 * bind-dn = cn=locksmith,ou=services,dc=example,dc=com  (required: the service account that searches)
 * bind-password-file = /etc/locksmith/ldap-bind          (the service account's password: a file, or)
 * bind-password-env = LOCKSMITH_LDAP_PASSWORD            (  the environment variable holding it)
 * base-dn = dc=example,dc=com                            (required: where users are searched)
 * user-filter = (uid={0})                                ({0} is the escaped username; AD: (sAMAccountName={0}))
 * group-filter = (memberOf=cn=staff,dc=example,dc=com)   (entries must also match this)
 * disabled-filter = (pwdAccountLockedTime=*)             (entries matching this cannot log in)
 * trust-store = /etc/locksmith/ldap-ca.pem               (PEM, .p12 or .jks; default: the JDK's trust)
 * trust-store-password-file = /etc/locksmith/ts-pass     (for a .p12 or .jks store)
 * hostname-verification = true                           (default true)
 * pool-size = 8                                          (connections for searches, and as many for binds)
 * connect-timeout = 5s                                   (ms, s or m; default 5s)
 * response-timeout = 5s                                  (default 5s)
 * cache-ttl = 60s                                        (how long a claim is remembered; 0 turns it off)
 * negative-cache-ttl = 10s                               (how long "not claimed" is remembered)
 * cache-size = 10000                                     (usernames each cache remembers)
 * </pre>
 *
 * Relative paths are resolved against the properties file's folder. An unknown key is an error, so a typo does
 * not silently leave a setting at its default. The bind password is read when the provider connects and is
 * never printed. Immutable.
 *
 * @param name the provider's name
 * @param file the properties file
 */
record LdapProviderConfig(String name, Path file) {
    private static final Set<String> KEYS = Set.of(
            "url",
            "bind-dn",
            "bind-password-file",
            "bind-password-env",
            "base-dn",
            "user-filter",
            "group-filter",
            "disabled-filter",
            "trust-store",
            "trust-store-password-file",
            "hostname-verification",
            "pool-size",
            "connect-timeout",
            "response-timeout",
            "cache-ttl",
            "negative-cache-ttl",
            "cache-size");
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})\\s*(ms|s|m)?");
    static final String OPTION = "--ldap";

    LdapProviderConfig {
        java.util.Objects.requireNonNull(name, "name");
        java.util.Objects.requireNonNull(file, "file");
    }

    /**
     * The settings of every {@code --ldap} option, in order.
     *
     * @throws InvalidInputException naming {@code --ldap} for a malformed option or file
     */
    static List<LdapProviderSettings> load(List<String> options, Function<String, Optional<String>> variables) {
        return options.stream()
                .map(LdapProviderConfig::parse)
                .map(config -> config.settings(variables))
                .toList();
    }

    /**
     * Parses the option's text, {@code NAME:FILE} (the file part may contain colons).
     *
     * @throws InvalidInputException naming {@code --ldap} when the text is not {@code NAME:FILE}
     */
    static LdapProviderConfig parse(String text) {
        int colon = text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new InvalidInputException(
                    OPTION, "must be NAME:FILE, e.g. corp-ad:/etc/locksmith/corp-ad.properties, not '" + text + "'");
        }
        return new LdapProviderConfig(text.substring(0, colon), Path.of(text.substring(colon + 1)));
    }

    /**
     * Reads and validates the file into the provider's settings (reads no password, contacts no server).
     *
     * @throws InvalidInputException naming {@code --ldap}, the file and the bad key
     */
    LdapProviderSettings settings(Function<String, Optional<String>> variables) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (NoSuchFileException e) {
            throw invalid("no such file");
        } catch (IOException | IllegalArgumentException e) {
            throw invalid("cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        Set<String> unknown = new TreeSet<>(p.stringPropertyNames());
        unknown.removeAll(KEYS);
        if (!unknown.isEmpty()) {
            throw invalid("unknown key(s) " + unknown + "; known: " + new TreeSet<>(KEYS));
        }
        try {
            LdapProviderSettings.Builder b = LdapProviderSettings.builder(name);
            for (String url : required(p, "url").split("[\\s,]+", -1)) {
                if (!url.isEmpty()) {
                    b.url(url);
                }
            }
            b.bindDn(required(p, "bind-dn")).baseDn(required(p, "base-dn"));
            Optional<String> passwordFile = value(p, "bind-password-file");
            Optional<String> passwordVariable = value(p, "bind-password-env");
            if (passwordFile.isPresent() == passwordVariable.isPresent()) {
                throw invalid("give exactly one of bind-password-file and bind-password-env");
            }
            passwordFile.ifPresent(f -> b.bindPasswordFile(resolve(f)));
            passwordVariable.ifPresent(v ->
                    b.environment(name -> variables.apply(name).orElse(null)).bindPasswordVariable(v));
            value(p, "user-filter").ifPresent(b::userFilter);
            value(p, "group-filter").ifPresent(b::groupFilter);
            value(p, "disabled-filter").ifPresent(b::disabledFilter);
            value(p, "trust-store").ifPresent(f -> b.trustStore(resolve(f)));
            value(p, "trust-store-password-file").ifPresent(f -> b.trustStorePasswordFile(resolve(f)));
            value(p, "hostname-verification").ifPresent(v -> b.hostnameVerification(bool(v, "hostname-verification")));
            value(p, "pool-size").ifPresent(v -> b.poolSize(integer(v, "pool-size")));
            value(p, "cache-size").ifPresent(v -> b.cacheSize(integer(v, "cache-size")));
            value(p, "connect-timeout").ifPresent(v -> b.connectTimeout(duration(v, "connect-timeout")));
            value(p, "response-timeout").ifPresent(v -> b.responseTimeout(duration(v, "response-timeout")));
            value(p, "cache-ttl").ifPresent(v -> b.positiveCacheTtl(duration(v, "cache-ttl")));
            value(p, "negative-cache-ttl").ifPresent(v -> b.negativeCacheTtl(duration(v, "negative-cache-ttl")));
            return b.build();
        } catch (InvalidInputException e) {
            if (e.field().equals(OPTION)) {
                throw e;
            }
            throw invalid(e.getMessage());
        }
    }

    private Path resolve(String path) {
        Path given = Path.of(path);
        Path folder = file.toAbsolutePath().getParent();
        return given.isAbsolute() || folder == null ? given : folder.resolve(given);
    }

    private String required(Properties p, String key) {
        return value(p, key).orElseThrow(() -> invalid(key + " is required"));
    }

    private static Optional<String> value(Properties p, String key) {
        return Optional.ofNullable(p.getProperty(key)).map(String::strip).filter(v -> !v.isEmpty());
    }

    private int integer(String value, String key) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw invalid(key + " must be a whole number");
        }
    }

    private boolean bool(String value, String key) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw invalid(key + " must be true or false");
        };
    }

    private Duration duration(String value, String key) {
        Matcher m = DURATION.matcher(value.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw invalid(key + " must be a number with ms, s or m (e.g. 5s), not '" + value + "'");
        }
        long amount = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofSeconds(amount);
        };
    }

    private InvalidInputException invalid(String problem) {
        return new InvalidInputException(OPTION, name + " (" + file + "): " + problem);
    }
}
