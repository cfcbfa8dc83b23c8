package dev.locksmith.jdbc;

import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;

/** What differs between the supported databases; everything else is the same portable SQL. */
enum Dialect {
    H2(""),
    // Usernames compare byte-wise (code-point order, as core sorts them) whatever the database's collation,
    // and the primary-key index then serves prefix ranges.
    POSTGRESQL("COLLATE \"C\""),
    OTHER("");

    private final String usernameCollation;

    Dialect(String usernameCollation) {
        this.usernameCollation = usernameCollation;
    }

    String usernameCollation() {
        return usernameCollation;
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
