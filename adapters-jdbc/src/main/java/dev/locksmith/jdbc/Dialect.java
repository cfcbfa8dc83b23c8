package dev.locksmith.jdbc;

import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/** What differs between the supported databases; everything else is the same portable SQL. */
enum Dialect {
    H2("", "CAST(RANDOM_UUID() AS VARCHAR(36))"),
    // Usernames compare byte-wise (code-point order, as core sorts them) whatever the database's collation,
    // and the primary-key index then serves prefix ranges. gen_random_uuid() is built in from PostgreSQL 13.
    POSTGRESQL("COLLATE \"C\"", "CAST(gen_random_uuid() AS VARCHAR(36))"),
    OTHER("", "CAST(RANDOM_UUID() AS VARCHAR(36))");

    private final String usernameCollation;
    private final String randomUuid;

    Dialect(String usernameCollation, String randomUuid) {
        this.usernameCollation = usernameCollation;
        this.randomUuid = randomUuid;
    }

    /** The migrations' {@code ${usernameCollation}}. */
    String usernameCollation() {
        return usernameCollation;
    }

    /** The migrations' {@code ${randomUuid}}: a new random UUID as text, evaluated per row. */
    String randomUuid() {
        return randomUuid;
    }

    /**
     * The statement that sets a session's lock timeout and statement timeout, run on every new connection of
     * the store's own pool; empty for a database this store does not know how to configure. A single
     * statement on PostgreSQL ({@code set_config}), so that it also passes through poolers that refuse
     * several statements at once.
     */
    Optional<String> sessionTimeouts(Duration lockTimeout, Duration statementTimeout) {
        long lock = lockTimeout.toMillis();
        long statement = statementTimeout.toMillis();
        return switch (this) {
            case H2 -> Optional.of("SET LOCK_TIMEOUT " + lock + "; SET QUERY_TIMEOUT " + statement);
            case POSTGRESQL ->
                Optional.of("SELECT set_config('lock_timeout', '" + lock + "ms', false), "
                        + "set_config('statement_timeout', '" + statement + "ms', false)");
            case OTHER -> Optional.empty();
        };
    }

    /** The dialect a JDBC URL names, before any connection exists. */
    static Dialect ofUrl(String jdbcUrl) {
        String url = jdbcUrl.toLowerCase(Locale.ROOT);
        if (url.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        return OTHER;
    }

    static Dialect of(DatabaseMetaData metaData) throws SQLException {
        String product = metaData.getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("h2")) {
            return H2;
        }
        if (product.contains("postgresql")) {
            return POSTGRESQL;
        }
        return OTHER;
    }
}
