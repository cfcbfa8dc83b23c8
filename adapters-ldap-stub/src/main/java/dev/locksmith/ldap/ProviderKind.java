package dev.locksmith.ldap;

/**
 * The kind of an external security provider. Informational: it is reported with the provider (logs, a host's
 * settings page) and does not change how usernames are matched; what a provider claims is decided by its
 * directory data and rules alone. Immutable.
 */
public enum ProviderKind {
    /** An LDAP directory (OpenLDAP, 389 Directory Server, ...). */
    LDAP,
    /** Microsoft Active Directory (LDAP with {@code sAMAccountName} and {@code userPrincipalName}). */
    ACTIVE_DIRECTORY,
    /** A RADIUS server. */
    RADIUS,
    /** A Kerberos KDC (realm-qualified principals, {@code user@REALM}). */
    KERBEROS,
    /** A SAML identity provider. */
    SAML
}
