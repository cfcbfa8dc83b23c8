package dev.locksmith.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.UnavailableException;
import dev.locksmith.core.port.Store;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * A ready Locksmith store in a SQL database: the five store ports of core sharing one database and one
 * per-thread transaction ({@link #transactions()}), handed to Locksmith whole with
 * {@code Locksmith.builder().store(jdbiStore)} (and {@link #resetTokens()} on its own). Built from a JDBC URL (this store then owns a HikariCP
 * pool, closed by {@link #close()}) or from the host's own {@link DataSource} (left open).
 *
 * <p>The embedded default is an H2 file: {@link #embedded(Path)}. Its URL sets {@code WRITE_DELAY=0}: H2
 * otherwise writes committed transactions to the file up to 500 ms later, from a background thread, and a
 * killed process loses them. With it, every commit is written to the file before {@code commit} returns, so
 * it survives the process being killed. H2 does not force the file to the disk ({@code fsync}) per commit: a
 * power failure can still lose the last commits, which only PostgreSQL (with its defaults) prevents.
 *
 * <p>Pool defaults (URL form), chosen for an appliance's small concurrency and to fail fast rather than
 * hang: {@value #DEFAULT_POOL_SIZE} connections, kept open (HikariCP's recommended fixed-size pool); a caller
 * waits at most 10 s for a connection, once, then gets {@link UnavailableException}; connections are validated
 * within 5 s and replaced after 30 minutes (below the idle cut-off of common firewalls and servers).
 *
 * <p>Every connection of the store's own pool (H2 and PostgreSQL) gets a <em>lock timeout</em> (default 10 s:
 * a statement waiting longer for a row another transaction holds fails with {@code ConflictException},
 * reason {@code CONFLICT}) and a <em>statement timeout</em> (default 30 s: a statement running longer is
 * cancelled and fails with {@link UnavailableException}, reason {@code UNAVAILABLE}). A host's own data source
 * is not changed: set {@code lock_timeout} and {@code statement_timeout} on its connections (PostgreSQL), or
 * {@code LOCK_TIMEOUT} and {@code QUERY_TIMEOUT} (H2). A connection lost while committing a transaction that
 * wrote is {@link UnavailableException} with reason {@code OUTCOME_UNKNOWN}: the change may have been stored.
 *
 * <p>The schema migration at {@link Builder#build()} runs on connections of its own, opened from the URL and
 * closed before the store is returned, so it neither waits for the pool (a pool of one connection works) nor
 * is cut by the statement timeout.
 *
 * <p>Thread-safe. {@link Builder#build()} throws {@link InvalidInputException} for a bad setting and
 * {@link UnavailableException} when the database cannot be reached or migrated.
 */
public final class JdbiStore implements Store, AutoCloseable {
    /** Default table prefix. */
    public static final String DEFAULT_PREFIX = "locksmith_";
    /** Default maximum number of pooled connections. */
    public static final int DEFAULT_POOL_SIZE = 10;
    /** Default wait for a pooled connection. */
    public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(10);
    /** Default longest wait of a statement for a row lock another transaction holds (URL form). */
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(10);
    /** Default longest run of one statement (URL form). */
    public static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ofSeconds(30);

    private static final System.Logger LOG = System.getLogger(JdbiStore.class.getName());
    private static final Pattern PREFIX = Pattern.compile("([a-z][a-z0-9_]{0,31})?");
    private static final Pattern SCHEMA = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private final HikariDataSource ownedPool;
    private final JdbiUserAccounts userAccounts;
    private final JdbiPasswordHistory passwordHistory;
    private final JdbiAuditTrail auditTrail;
    private final JdbiPolicyStore policyStore;
    private final JdbiTransactions transactions;
    private final JdbiResetTokens resetTokens;
    private final Database database;

    private JdbiStore(HikariDataSource ownedPool, Database db) {
        this.ownedPool = ownedPool;
        this.userAccounts = new JdbiUserAccounts(db);
        this.passwordHistory = new JdbiPasswordHistory(db);
        this.auditTrail = new JdbiAuditTrail(db);
        this.policyStore = new JdbiPolicyStore(db);
        this.transactions = new JdbiTransactions(db);
        this.resetTokens = new JdbiResetTokens(db);
        this.database = db;
    }

    /**
     * The embedded default: an H2 database in {@code file} (H2 adds {@code .mv.db}), created when missing,
     * migrated, with durable commits (see the class comment).
     */
    public static JdbiStore embedded(Path file) {
        return builder().h2File(file).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public JdbiUserAccounts userAccounts() {
        return userAccounts;
    }

    @Override
    public JdbiPasswordHistory passwordHistory() {
        return passwordHistory;
    }

    @Override
    public JdbiAuditTrail auditTrail() {
        return auditTrail;
    }

    @Override
    public JdbiPolicyStore policyStore() {
        return policyStore;
    }

    /** One-time reset-link tokens (migration V4), in this store's transactions. */
    public JdbiResetTokens resetTokens() {
        return resetTokens;
    }

    /** The unit of work shared by this store's ports. */
    @Override
    public JdbiTransactions transactions() {
        return transactions;
    }

    /** The database connection the ports share; for the adapter's own tests. */
    Database database() {
        return database;
    }

    /** Closes the pool this store created from a URL; a host's {@link DataSource} is left alone. Idempotent. */
    @Override
    public void close() {
        if (ownedPool != null) {
            ownedPool.close();
        }
    }

    @Override
    public String toString() {
        // Never the URL: it may carry credentials.
        return "JdbiStore[" + (ownedPool != null ? "own pool" : "host data source") + "]";
    }

    /**
     * Settings of a {@link JdbiStore}. Give exactly one of {@link #jdbcUrl}, {@link #h2File} or
     * {@link #dataSource}. Not thread-safe; {@link #build()} validates everything.
     */
    public static final class Builder {
        private String jdbcUrl;
        private String username;
        private String password;
        private DataSource dataSource;
        private String tablePrefix = DEFAULT_PREFIX;
        private String schema;
        private boolean runMigrations = true;
        private int maximumPoolSize = DEFAULT_POOL_SIZE;
        private Duration connectionTimeout = DEFAULT_CONNECTION_TIMEOUT;
        private Duration lockTimeout = DEFAULT_LOCK_TIMEOUT;
        private Duration statementTimeout = DEFAULT_STATEMENT_TIMEOUT;
        private boolean timeoutsGiven;

        private Builder() {}

        /** A JDBC URL ({@code jdbc:h2:...} or {@code jdbc:postgresql://...}); the store pools connections to it. */
        public Builder jdbcUrl(String url) {
            this.jdbcUrl = url;
            return this;
        }

        /** Credentials for {@link #jdbcUrl}; never logged. */
        public Builder credentials(String username, String password) {
            this.username = username;
            this.password = password;
            return this;
        }

        /**
         * The embedded H2 database in {@code file} (H2 appends {@code .mv.db}), with {@code WRITE_DELAY=0} so a
         * commit is in the file when it returns; lock and statement timeouts as for any URL.
         */
        public Builder h2File(Path file) {
            String path = Objects.requireNonNull(file, "file").toAbsolutePath().toString();
            if (path.indexOf(';') >= 0) {
                throw new InvalidInputException("h2File", "must not contain ';'");
            }
            this.jdbcUrl = "jdbc:h2:file:" + path + ";WRITE_DELAY=0";
            return this;
        }

        /** The host's own data source: the store neither pools nor closes it. */
        public Builder dataSource(DataSource dataSource) {
            this.dataSource = dataSource;
            return this;
        }

        /**
         * Prefix of every table name, default {@value JdbiStore#DEFAULT_PREFIX}: lower-case letters, digits
         * and {@code _}, starting with a letter, at most 32 characters; may be empty.
         */
        public Builder tablePrefix(String prefix) {
            this.tablePrefix = prefix;
            return this;
        }

        /** A schema to keep the tables in (created by the migration when missing); default: the connection's. */
        public Builder schema(String schema) {
            this.schema = schema;
            return this;
        }

        /**
         * Whether to apply the shipped Flyway migrations at {@link #build()} (default true). Turn off when the
         * host applies {@code db/locksmith/*.sql} itself, with the placeholders replaced.
         */
        public Builder runMigrations(boolean run) {
            this.runMigrations = run;
            return this;
        }

        /** Maximum pooled connections (URL form), 1 to 100, default {@value JdbiStore#DEFAULT_POOL_SIZE}. */
        public Builder maximumPoolSize(int size) {
            this.maximumPoolSize = size;
            return this;
        }

        /**
         * How long a caller waits for a pooled connection (URL form), 250 ms to 5 minutes, default 10 s. A call
         * waits at most this long, once, then fails with {@link UnavailableException}.
         */
        public Builder connectionTimeout(Duration timeout) {
            this.connectionTimeout = timeout;
            return this;
        }

        /**
         * How long a statement waits for a row lock held by another transaction (URL form on H2 and
         * PostgreSQL), 100 ms to 10 minutes and at most the statement timeout, default 10 s. Beyond it the
         * call fails with {@code ConflictException} ({@code CONFLICT}) and its transaction rolls back.
         * Not for a host's data source: set the database's lock timeout on its connections.
         */
        public Builder lockTimeout(Duration timeout) {
            this.lockTimeout = timeout;
            this.timeoutsGiven = true;
            return this;
        }

        /**
         * How long one statement may run (URL form on H2 and PostgreSQL), 1 s to 1 hour, default 30 s. Beyond
         * it the database cancels it and the call fails with {@link UnavailableException} ({@code UNAVAILABLE});
         * its transaction rolls back. Not for a host's data source: set the database's statement timeout there.
         */
        public Builder statementTimeout(Duration timeout) {
            this.statementTimeout = timeout;
            this.timeoutsGiven = true;
            return this;
        }

        /**
         * Validates the settings, connects, migrates (unless turned off) and returns the store.
         *
         * @throws InvalidInputException naming the first bad setting
         * @throws UnavailableException when the database cannot be reached or migrated
         */
        public JdbiStore build() {
            validate();
            HikariDataSource pool = dataSource == null ? pool() : null;
            DataSource source = pool != null ? pool : dataSource;
            try {
                Dialect dialect;
                Optional<String> schemaInDatabaseCase;
                try (Connection c = source.getConnection()) {
                    DatabaseMetaData meta = c.getMetaData();
                    dialect = Dialect.of(meta);
                    // Our SQL names the schema unquoted; Flyway quotes it, so it must get the folded form.
                    schemaInDatabaseCase = Optional.ofNullable(schema).map(s -> {
                        try {
                            return meta.storesUpperCaseIdentifiers() ? s.toUpperCase(Locale.ROOT) : s;
                        } catch (SQLException e) {
                            throw SqlErrors.translate("read database metadata", e);
                        }
                    });
                    LOG.log(
                            System.Logger.Level.INFO,
                            "Locksmith store on {0} {1}",
                            meta.getDatabaseProductName(),
                            meta.getDatabaseProductVersion());
                } catch (SQLException e) {
                    throw SqlErrors.translate("connect to the database", e);
                }
                if (runMigrations) {
                    try {
                        // Our own pool is not serving yet, and may hold a single connection: Flyway takes
                        // connections of its own from the URL (and closes them), free of the statement timeout.
                        // The pool keeps the database open meanwhile (an in-memory H2 database lives while
                        // a connection does).
                        Migrations.migrate(
                                pool != null
                                        ? config -> config.dataSource(jdbcUrl, username, password)
                                        : config -> config.dataSource(dataSource),
                                tablePrefix,
                                schemaInDatabaseCase,
                                dialect);
                    } catch (RuntimeException e) {
                        throw new UnavailableException(
                                "could not migrate the Locksmith schema",
                                SqlErrors.sqlCause(e)
                                        .<Exception>map(DatabaseFailure::of)
                                        .orElseGet(() -> DatabaseFailure.of(e)));
                    }
                }
                String qualifier = (schema == null ? "" : schema + ".") + tablePrefix;
                Tables tables = Tables.of(qualifier);
                if (runMigrations) {
                    requireUsableNames(source, tables);
                }
                // Only a host's data source needs its isolation pinned per transaction: our pool is configured so.
                return new JdbiStore(pool, new Database(Jdbi.create(source), tables, pool == null));
            } catch (RuntimeException e) {
                if (pool != null) {
                    pool.close();
                }
                throw e;
            }
        }

        /**
         * Our SQL names the tables unquoted (Flyway quotes them): a schema that is a reserved word of the
         * database ({@code user}, {@code order}...) migrates fine and then fails on every call. Caught here.
         */
        private void requireUsableNames(DataSource source, Tables tables) {
            try (Connection c = source.getConnection();
                    java.sql.Statement s = c.createStatement()) {
                s.executeQuery("SELECT COUNT(*) FROM " + tables.users() + " WHERE 1 = 0")
                        .close();
            } catch (SQLException e) {
                if (e.getSQLState() != null && e.getSQLState().startsWith("42")) {
                    // Syntax error or unknown name.
                    throw new InvalidInputException(
                            schema != null ? "schema" : "tablePrefix",
                            "cannot be used unquoted in SQL on this database (a reserved word?)");
                }
                throw SqlErrors.translate("check the table names", e);
            }
        }

        private void validate() {
            if ((jdbcUrl == null) == (dataSource == null)) {
                throw new InvalidInputException(
                        "dataSource", "give exactly one of a JDBC URL, an H2 file or a data source");
            }
            if (jdbcUrl != null && !jdbcUrl.startsWith("jdbc:")) {
                throw new InvalidInputException("jdbcUrl", "must start with jdbc:");
            }
            if (dataSource != null && username != null) {
                throw new InvalidInputException("credentials", "belong to the data source, not to the store");
            }
            if (tablePrefix == null || !PREFIX.matcher(tablePrefix).matches()) {
                throw new InvalidInputException(
                        "tablePrefix",
                        "must be lower-case letters, digits and _, start with a letter, at most 32 characters");
            }
            if (schema != null && !SCHEMA.matcher(schema).matches()) {
                throw new InvalidInputException(
                        "schema",
                        "must be lower-case letters, digits and _, start with a letter, at most 63 characters");
            }
            if (maximumPoolSize < 1 || maximumPoolSize > 100) {
                throw new InvalidInputException("maximumPoolSize", "must be between 1 and 100");
            }
            if (connectionTimeout == null || connectionTimeout.toMillis() < 250 || connectionTimeout.toMinutes() > 5) {
                throw new InvalidInputException("connectionTimeout", "must be between 250 ms and 5 minutes");
            }
            if (dataSource != null && timeoutsGiven) {
                throw new InvalidInputException(
                        "lockTimeout",
                        "lock and statement timeouts belong to the data source's connections, not to the store");
            }
            if (statementTimeout == null
                    || statementTimeout.toSeconds() < 1
                    || statementTimeout.compareTo(Duration.ofHours(1)) > 0) {
                throw new InvalidInputException("statementTimeout", "must be between 1 s and 1 hour");
            }
            if (lockTimeout == null
                    || lockTimeout.toMillis() < 100
                    || lockTimeout.compareTo(Duration.ofMinutes(10)) > 0) {
                throw new InvalidInputException("lockTimeout", "must be between 100 ms and 10 minutes");
            }
            if (lockTimeout.compareTo(statementTimeout) > 0) {
                throw new InvalidInputException("lockTimeout", "must not exceed the statement timeout");
            }
        }

        private HikariDataSource pool() {
            HikariConfig config = new HikariConfig();
            config.setPoolName("locksmith");
            config.setJdbcUrl(jdbcUrl);
            if (username != null) {
                config.setUsername(username);
                config.setPassword(password);
            }
            config.setMaximumPoolSize(maximumPoolSize);
            config.setMinimumIdle(maximumPoolSize);
            config.setConnectionTimeout(connectionTimeout.toMillis());
            config.setValidationTimeout(Math.min(5_000, connectionTimeout.toMillis()));
            config.setMaxLifetime(Duration.ofMinutes(30).toMillis());
            config.setAutoCommit(true);
            // Every transaction sets READ COMMITTED itself; the pool's own default saves that round trip.
            config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
            Dialect.ofUrl(jdbcUrl)
                    .sessionTimeouts(lockTimeout, statementTimeout)
                    .ifPresentOrElse(
                            config::setConnectionInitSql,
                            () -> LOG.log(
                                    System.Logger.Level.WARNING,
                                    "Locksmith store: lock and statement timeouts are not "
                                            + "applied on this database; configure them on the server or in the URL"));
            try {
                return new HikariDataSource(config);
            } catch (RuntimeException e) {
                throw SqlErrors.translate("connect to the database", e);
            }
        }
    }
}
