package dev.locksmith.jdbc;

import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies the schema with Flyway: the migrations shipped in this jar under {@value #LOCATION}, a history table
 * named {@code <prefix>schema_history}, placeholders for the table prefix, the username collation and the
 * database's random UUID expression.
 */
final class Migrations {
    static final String LOCATION = "classpath:db/locksmith";
    private static final System.Logger LOG = System.getLogger(Migrations.class.getName());

    private Migrations() {}

    /**
     * @param connection gives Flyway where to connect: a URL (connections of its own) or a data source
     * @param schema the schema in the database's own case, when the store lives in one
     */
    static void migrate(
            UnaryOperator<FluentConfiguration> connection, String prefix, Optional<String> schema, Dialect dialect) {
        var config = connection
                .apply(Flyway.configure(Migrations.class.getClassLoader()))
                .locations(LOCATION)
                .table(prefix + "schema_history")
                .placeholders(Map.of(
                        "prefix",
                        prefix,
                        "usernameCollation",
                        dialect.usernameCollation(),
                        "randomUuid",
                        dialect.randomUuid()))
                // A host's database is rarely empty: start our own history there instead of refusing, and
                // still run V1 (the baseline is version 0).
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .cleanDisabled(true);
        schema.ifPresent(s -> config.schemas(s).defaultSchema(s));
        MigrateResult result = config.load().migrate();
        LOG.log(
                System.Logger.Level.INFO,
                "Locksmith schema at version {0} ({1} migration(s) applied)",
                result.targetSchemaVersion == null ? "unchanged" : result.targetSchemaVersion,
                result.migrationsExecuted);
    }
}
