/**
 * Security-provider detection for Locksmith: an implementation of core's
 * {@link dev.locksmith.core.port.SecurityProviders} port, {@link dev.locksmith.ldap.LdifSecurityProviders},
 * that decides which configured provider (LDAP/Active Directory, RADIUS, Kerberos, SAML) manages a username
 * from a local copy of directory data (LDIF files, RFC 2849, or a programmatic list) and from name rules
 * (Kerberos realms, Windows domains, suffixes). It never contacts a directory server. LDIF files are read with the
 * UnboundID LDAP SDK's {@code LDIFReader}, behind checks of its own (file and line of every fault, URL values never
 * fetched); the live directory adapter is a separate module.
 *
 * <p>Entry points: {@link dev.locksmith.ldap.LdifProvider} (one provider's definition) and
 * {@link dev.locksmith.ldap.LdifSecurityProviders} (the ordered providers, with reload). Errors are core's
 * {@link dev.locksmith.core.domain.LocksmithException}s, plus {@link dev.locksmith.ldap.LdifFormatException}
 * for malformed LDIF.
 */
package dev.locksmith.ldap;
