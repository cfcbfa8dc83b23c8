/**
 * Security providers backed by live LDAP or Active Directory servers: an implementation of core's
 * {@link dev.locksmith.core.port.SecurityProviders} port, {@link dev.locksmith.directory.LdapSecurityProviders},
 * configured per provider by {@link dev.locksmith.directory.LdapProviderSettings}. Claims are directory searches
 * (cached briefly); provider logins are simple binds over TLS. Errors are core's
 * {@link dev.locksmith.core.domain.LocksmithException}s; the SDK's exceptions never leave this package.
 */
package dev.locksmith.directory;
