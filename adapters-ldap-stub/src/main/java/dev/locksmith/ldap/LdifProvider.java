package dev.locksmith.ldap;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.Source;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The configuration of one LDIF-backed security provider (not to be confused with core's {@code SecurityProviders}
 * port, which {@link LdifSecurityProviders} implements over these, nor with {@link Source.Provider}, the name a
 * user's record carries): its name (the {@link Source.Provider} name core records), its
 * {@link ProviderKind}, and what it claims. A provider claims a username when
 * <ul>
 *   <li>its directory copy holds it: the values of the username attributes ({@code uid}, {@code sAMAccountName},
 *       {@code userPrincipalName} and {@code mail} by default, attribute options such as {@code uid;lang-en}
 *       included) of every entry in its LDIF files, plus the usernames given to the builder; or</li>
 *   <li>one of its rules matches: a Kerberos realm ({@code alice@CORP.EXAMPLE.COM}: exactly one {@code @}, a
 *       non-empty principal before it), a Windows domain ({@code CORP\alice}: a non-empty user name after the
 *       one backslash), or a suffix ({@code @corp.example.com}: something before it).</li>
 * </ul>
 * All comparisons use core's canonical username form (NFKC, case-folded), so they are case-insensitive, realms
 * and domains included. Built with {@link #builder(String, ProviderKind)}, which validates everything;
 * immutable and thread-safe. The LDIF files are read by {@link LdifSecurityProviders}, not here.
 */
public final class LdifProvider {

    /**
     * Attribute types whose values are usernames by default, as lower-case names; the OIDs and alias names
     * of RFC 4519 and Active Directory are matched too (see {@link #attributeTypesToRead()}).
     */
    public static final Set<String> DEFAULT_USERNAME_ATTRIBUTES =
            ImmutableSet.of("uid", "samaccountname", "userprincipalname", "mail");

    /** Other names of the same attribute types (RFC 4519 OIDs and aliases, Active Directory OIDs). */
    private static final ImmutableMap<String, ImmutableSet<String>> ALIASES = ImmutableMap.of(
            "uid", ImmutableSet.of("userid", "0.9.2342.19200300.100.1.1"),
            "mail", ImmutableSet.of("rfc822mailbox", "0.9.2342.19200300.100.1.3"),
            "samaccountname", ImmutableSet.of("1.2.840.113556.1.4.221"),
            "userprincipalname", ImmutableSet.of("1.2.840.113556.1.4.656"));

    private final Source.Provider source;
    private final Optional<Source.Provider> answer;
    private final ProviderKind kind;
    private final ImmutableList<Path> ldifFiles;
    private final ImmutableSet<String> usernames;
    private final ImmutableSet<String> usernameAttributes;
    private final ImmutableSet<String> attributeTypesToRead;
    private final ImmutableList<String> kerberosRealms;
    private final ImmutableList<String> windowsDomains;
    private final ImmutableList<String> suffixes;
    // Precomputed so that a rule check is one endsWith/startsWith with no allocation.
    private final ImmutableList<String> realmSuffixes;
    private final ImmutableList<String> domainPrefixes;

    private LdifProvider(Builder builder, Source.Provider source, ImmutableSet<String> attributes) {
        this.source = source;
        this.answer = Optional.of(source);
        this.kind = builder.kind;
        this.ldifFiles = ImmutableList.copyOf(builder.ldifFiles);
        this.usernames = ImmutableSet.copyOf(builder.usernames);
        this.usernameAttributes = attributes;
        ImmutableSet.Builder<String> toRead = ImmutableSet.builder();
        for (String attribute : attributes) {
            toRead.add(attribute).addAll(ALIASES.getOrDefault(attribute, ImmutableSet.of()));
        }
        this.attributeTypesToRead = toRead.build();
        this.kerberosRealms = ImmutableList.copyOf(builder.kerberosRealms);
        this.windowsDomains = ImmutableList.copyOf(builder.windowsDomains);
        this.suffixes = ImmutableList.copyOf(builder.suffixes);
        this.realmSuffixes = kerberosRealms.stream().map(r -> "@" + r).collect(ImmutableList.toImmutableList());
        this.domainPrefixes = windowsDomains.stream().map(d -> d + "\\").collect(ImmutableList.toImmutableList());
    }

    /**
     * Starts the definition of a provider.
     *
     * @param name the provider's name as core records it in {@link Source.Provider} (1 to 128 characters, no
     *             control characters)
     * @param kind what kind of provider it is
     */
    public static Builder builder(String name, ProviderKind kind) {
        return new Builder(name, kind);
    }

    /** The provider's name. */
    public String name() {
        return source.name();
    }

    /** The source core records for users this provider manages. */
    public Source.Provider source() {
        return source;
    }

    /** The provider's kind. */
    public ProviderKind kind() {
        return kind;
    }

    /** The LDIF files holding its directory copy, absolute and normalized, in the order given. */
    public List<Path> ldifFiles() {
        return ldifFiles;
    }

    /** The usernames given to the builder, in canonical form. */
    public Set<String> usernames() {
        return usernames;
    }

    /** The attribute types whose values are usernames, lower case. */
    public Set<String> usernameAttributes() {
        return usernameAttributes;
    }

    /** The Kerberos realms it claims, canonical (lower case). */
    public List<String> kerberosRealms() {
        return kerberosRealms;
    }

    /** The Windows domains it claims, canonical (lower case). */
    public List<String> windowsDomains() {
        return windowsDomains;
    }

    /** The username suffixes it claims, canonical (lower case). */
    public List<String> suffixes() {
        return suffixes;
    }

    /** The username attributes with their OIDs and alias names, lower case: what the LDIF reader keeps. */
    Set<String> attributeTypesToRead() {
        return attributeTypesToRead;
    }

    /** {@code Optional.of(source())}, kept so that a lookup allocates nothing. */
    Optional<Source.Provider> answer() {
        return answer;
    }

    /** Whether a rule claims the canonical username. */
    boolean claimsByRule(String username) {
        for (String realm : realmSuffixes) {
            // the realm's '@' must be the only one, and a principal must stand before it
            if (username.endsWith(realm)
                    && username.indexOf('@') == username.length() - realm.length()
                    && username.length() > realm.length()) {
                return true;
            }
        }
        for (String domain : domainPrefixes) {
            if (username.startsWith(domain)
                    && username.length() > domain.length()
                    && username.indexOf('\\', domain.length()) < 0) {
                return true;
            }
        }
        for (String suffix : suffixes) {
            if (username.endsWith(suffix) && username.length() > suffix.length()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "LdifProvider[" + source.name() + " (" + kind + "), ldifFiles=" + ldifFiles
                + ", usernames=" + usernames.size() + ", kerberosRealms=" + kerberosRealms
                + ", windowsDomains=" + windowsDomains + ", suffixes=" + suffixes + "]";
    }

    /**
     * Collects a provider's definition; {@link #build()} validates it. Every method returns this builder.
     * Not thread-safe.
     */
    public static final class Builder {
        private final String name;
        private final ProviderKind kind;
        private final List<Path> ldifFiles = new ArrayList<>();
        private final List<String> rawUsernames = new ArrayList<>();
        private boolean usernamesGiven;
        private final Set<String> usernames = new LinkedHashSet<>();
        private List<String> rawAttributes = new ArrayList<>(DEFAULT_USERNAME_ATTRIBUTES);
        private final List<String> rawRealms = new ArrayList<>();
        private final List<String> rawDomains = new ArrayList<>();
        private final List<String> rawSuffixes = new ArrayList<>();
        private final Set<String> kerberosRealms = new LinkedHashSet<>();
        private final Set<String> windowsDomains = new LinkedHashSet<>();
        private final Set<String> suffixes = new LinkedHashSet<>();

        private Builder(String name, ProviderKind kind) {
            this.name = name;
            this.kind = kind;
        }

        /** Adds an LDIF file (RFC 2849) whose entries' username attributes this provider claims. */
        public Builder ldif(Path file) {
            ldifFiles.add(InvalidInputException.requireNonNull(file, "ldif"));
            return this;
        }

        /** Adds a username this provider claims, as the directory spells it (any case). */
        public Builder username(String username) {
            rawUsernames.add(username);
            usernamesGiven = true;
            return this;
        }

        /**
         * Adds usernames this provider claims, as the directory spells them (any case). An empty collection is a
         * directory copy that holds nobody yet, which makes a provider valid without LDIF files or rules.
         */
        public Builder usernames(Collection<String> usernames) {
            InvalidInputException.requireNonNull(usernames, "usernames");
            rawUsernames.addAll(usernames);
            usernamesGiven = true;
            return this;
        }

        /**
         * Replaces the attribute types whose values are usernames (default {@link #DEFAULT_USERNAME_ATTRIBUTES});
         * names or numeric OIDs, any case, without options.
         */
        public Builder usernameAttributes(String... attributeTypes) {
            InvalidInputException.requireNonNull(attributeTypes, "usernameAttributes");
            rawAttributes = new ArrayList<>(List.of(attributeTypes));
            return this;
        }

        /** Claims every {@code principal@REALM} of this Kerberos realm (compared case-insensitively). */
        public Builder kerberosRealm(String realm) {
            rawRealms.add(realm);
            return this;
        }

        /** Claims every {@code DOMAIN\\user} of this Windows (NetBIOS or DNS) domain, case-insensitively. */
        public Builder windowsDomain(String domain) {
            rawDomains.add(domain);
            return this;
        }

        /** Claims every username that ends with this suffix (e.g. {@code @corp.example.com}), case-insensitively. */
        public Builder suffix(String suffix) {
            rawSuffixes.add(suffix);
            return this;
        }

        /**
         * Validates and builds the definition. Reads no file.
         *
         * @throws InvalidInputException when the name or kind is missing or invalid, a username, realm, domain,
         *                               suffix or attribute type is invalid, or the provider would claim nothing
         *                               (no LDIF file, username or rule)
         */
        public LdifProvider build() {
            Source.Provider source = new Source.Provider(name);
            InvalidInputException.requireNonNull(kind, "kind");
            ldifFiles.replaceAll(file -> file.toAbsolutePath().normalize());
            List<Path> distinctFiles = List.copyOf(new LinkedHashSet<>(ldifFiles));
            ldifFiles.clear();
            ldifFiles.addAll(distinctFiles);
            usernames.clear();
            for (String username : rawUsernames) {
                usernames.add(Names.canonical(username, "usernames"));
            }
            kerberosRealms.clear();
            for (String realm : rawRealms) {
                String canonical = Names.canonical(realm, "kerberosRealm");
                if (canonical.contains("@") || canonical.contains("\\")) {
                    throw new InvalidInputException("kerberosRealm", "must not contain '@' or '\\'");
                }
                kerberosRealms.add(canonical);
            }
            windowsDomains.clear();
            for (String domain : rawDomains) {
                String canonical = Names.canonical(domain, "windowsDomain");
                if (canonical.contains("@") || canonical.contains("\\")) {
                    throw new InvalidInputException("windowsDomain", "must not contain '@' or '\\'");
                }
                windowsDomains.add(canonical);
            }
            suffixes.clear();
            for (String suffix : rawSuffixes) {
                suffixes.add(Names.canonical(suffix, "suffix"));
            }
            ImmutableSet.Builder<String> attributes = ImmutableSet.builder();
            for (String attribute : rawAttributes) {
                InvalidInputException.requireNonNull(attribute, "usernameAttributes");
                byte[] bytes = attribute.getBytes(StandardCharsets.UTF_8);
                if (attribute.contains(";") || !Names.isAttributeDescription(bytes, 0, bytes.length)) {
                    throw new InvalidInputException("usernameAttributes", "not an LDAP attribute type");
                }
                attributes.add(attribute.toLowerCase(Locale.ROOT));
            }
            ImmutableSet<String> attributeSet = attributes.build();
            if (attributeSet.isEmpty() && !ldifFiles.isEmpty()) {
                throw new InvalidInputException(
                        "usernameAttributes", "LDIF files need at least one username attribute");
            }
            if (ldifFiles.isEmpty()
                    && !usernamesGiven
                    && kerberosRealms.isEmpty()
                    && windowsDomains.isEmpty()
                    && suffixes.isEmpty()) {
                throw new InvalidInputException(
                        "provider", source.name() + " claims nothing: give it an LDIF file, usernames or a rule");
            }
            return new LdifProvider(this, source, attributeSet);
        }
    }
}
