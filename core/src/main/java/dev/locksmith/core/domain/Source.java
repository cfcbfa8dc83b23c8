package dev.locksmith.core.domain;

/**
 * Where a user's password lives: here ({@link Local}) or in a named external security provider
 * ({@link Provider}: LDAP/Active Directory, RADIUS, Kerberos, SAML...). Immutable.
 */
public sealed interface Source permits Source.Local, Source.Provider {

    /** The password lives in this library's store. */
    static Source local() {
        return Local.INSTANCE;
    }

    /** The password lives in the named security provider. */
    static Source provider(String name) {
        return new Provider(name);
    }

    /** True for {@link Local}. */
    default boolean isLocal() {
        return this instanceof Local;
    }

    /** The local source. */
    enum Local implements Source {
        INSTANCE;

        @Override
        public String toString() {
            return "LOCAL";
        }
    }

    /** A named security provider; the name is 1 to 128 characters without control characters. */
    record Provider(String name) implements Source {
        /**
         * Stands for "a provider that could not be asked": a username whose claim cannot be checked because a
         * directory is unreachable is treated as claimed by it (the stricter answer), so no local password path
         * opens on it.
         */
        public static final Provider UNREACHABLE = new Provider("(directory unreachable)");

        public Provider {
            name = Texts.singleLine(name, "provider", 128, false);
        }

        @Override
        public String toString() {
            return "PROVIDER(" + name + ")";
        }
    }
}
