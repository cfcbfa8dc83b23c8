package dev.locksmith.cli;

import static dev.locksmith.cli.CommandLineTest.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.locksmith.jdbc.RunningPostgres;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --jdbc-url} and {@code --jdbc-user} on a real PostgreSQL server that checks passwords: the password
 * comes from {@code LOCKSMITH_JDBC_PASSWORD} or the terminal, never from an argument, and never shows.
 */
class PostgresTest {
    private static final String DB_PASSWORD = "pg secret 4711";
    private static final String DB_USER = "locksmith";
    static RunningPostgres server;
    static String url;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        server = RunningPostgres.start(RunningPostgres.Purpose.TESTS);
        url = server.passwordUser(DB_USER, DB_PASSWORD);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private Cli postgres() {
        return new Cli(dir.resolve("unused")).with("--jdbc-url", url, "--jdbc-user", DB_USER);
    }

    @Test
    void the_store_lives_in_postgresql_with_the_password_from_the_environment() {
        Cli cli = postgres().variable(Environment.JDBC_PASSWORD_VARIABLE, DB_PASSWORD);

        cli.init().createRep();
        Cli.Result search = ok(cli.run("search", "--as", "rep"));

        assertThat(search.out()).contains("Limited view (allowed to set passwords), 2 user(s):");
        assertThat(ok(cli.input("quiet harbor at dawn\n", "login", "rep", "--password-stdin"))
                        .out())
                .startsWith("AUTHENTICATED");
        assertThat(dir.resolve("unused")).doesNotExist();
    }

    @Test
    void the_password_is_asked_at_the_terminal_when_the_environment_has_none() {
        List<String> prompts = new ArrayList<>();
        Cli cli = postgres().terminal(prompt -> {
            prompts.add(prompt);
            return DB_PASSWORD.toCharArray();
        });

        Cli.Result result = cli.run("search", "--as", "nobody");

        // Connected: the refusal is Locksmith's, not the database's.
        assertThat(result.exit()).as(result.toString()).isEqualTo(ExitCode.DENIED.code());
        assertThat(result.err()).contains("[DENIED_ACTOR_UNKNOWN]");
        assertThat(prompts).containsExactly("Password of database user locksmith: ");
    }

    @Test
    void a_wrong_database_password_is_unavailable_and_never_printed() {
        Cli.Result wrong = postgres()
                .variable(Environment.JDBC_PASSWORD_VARIABLE, "not the db password")
                .run("search", "--as", "admin");

        assertThat(wrong.exit()).as(wrong.toString()).isEqualTo(ExitCode.UNAVAILABLE.code());
        assertThat(wrong.err())
                .contains(
                        "[UNAVAILABLE]",
                        "authentication failed for database user locksmith at " + server.hostAndPort(),
                        "(SQLState 28P01)");
        assertThat(wrong.all()).doesNotContain("not the db password").doesNotContain(DB_PASSWORD);
        ExitCodesTest.noStackTrace(wrong);
    }

    @Test
    void no_database_password_at_all_says_which_variable_to_set() {
        Cli.Result none = postgres().run("search", "--as", "admin");

        assertThat(none.exit()).as(none.toString()).isEqualTo(ExitCode.UNAVAILABLE.code());
        assertThat(none.err())
                .contains(
                        "the database server at " + server.hostAndPort() + " wants a password for user "
                                + "locksmith and none was given: set LOCKSMITH_JDBC_PASSWORD",
                        "(SQLState 08004)");
        ExitCodesTest.noStackTrace(none);
    }

    @Test
    void url_user_schema_and_table_prefix_come_from_the_environment() {
        Cli cli = Cli.bare()
                .variable(Environment.JDBC_PASSWORD_VARIABLE, DB_PASSWORD)
                .variable("LOCKSMITH_JDBC_URL", url)
                .variable("LOCKSMITH_JDBC_USER", DB_USER)
                .variable("LOCKSMITH_JDBC_SCHEMA", "appliance")
                .variable("LOCKSMITH_TABLE_PREFIX", "ls_");

        ok(cli.input("amber lighthouse keeps watch\n", "init", "--admin", "admin", "--password-stdin"));

        ok(cli.input("quiet harbor at dawn\n", "user", "create", "--as", "admin", "carol", "--password-stdin"));

        assertThat(ok(cli.run("search", "--as", "admin", "carol")).out()).contains("1 user(s)");
        // The same database without the schema and prefix: other tables, no carol.
        Cli plain = postgres().variable(Environment.JDBC_PASSWORD_VARIABLE, DB_PASSWORD);
        assertThat(plain.run("search", "--as", "admin", "carol").all()).doesNotContain("carol ");
        Cli.Result badPrefix = cli.with("--table-prefix", "Bad-Prefix").run("search", "--as", "admin");
        assertThat(badPrefix.exit()).isEqualTo(ExitCode.USAGE.code());
        assertThat(badPrefix.err()).contains("--table-prefix: must be lower-case letters");
    }
}
