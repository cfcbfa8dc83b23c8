/**
 * Locksmith's SQL adapter: the store ports of core ({@link dev.locksmith.core.port.UserAccounts},
 * {@link dev.locksmith.core.port.PasswordHistory}, {@link dev.locksmith.core.port.AuditTrail},
 * {@link dev.locksmith.core.port.PolicyStore}) and their unit of work ({@link dev.locksmith.core.port.Transactions})
 * on Jdbi, HikariCP and Flyway. H2 is the embedded default; PostgreSQL is supported. Start from
 * {@link dev.locksmith.jdbc.JdbiStore}.
 *
 * <p>Nothing of JDBC crosses the ports: every {@code SQLException} and Jdbi exception becomes one of core's
 * {@link dev.locksmith.core.domain.LocksmithException}s, with messages free of data values.
 */
package dev.locksmith.jdbc;
