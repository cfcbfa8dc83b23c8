package dev.locksmith.cli;

import static dev.locksmith.cli.Cli.ALICE_PASSWORD;
import static dev.locksmith.cli.CommandLineTest.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What scripts rely on: {@code --json} documents with the documented fields, audit filters and CSV, settings
 * from environment variables and a settings file, and {@code user delete} asking before it deletes.
 */
class ScriptingTest extends FromTemplateStore {
    ScriptingTest() {
        super(cli -> cli.init()
                .createRep()
                .create(
                        "alice",
                        ALICE_PASSWORD,
                        "--name",
                        "Alice \"Al\" Liddell",
                        "--email",
                        "alice@example.com",
                        "--comments",
                        "line one\nline two"));
    }

    private static String json(Cli.Result result) {
        ok(result);
        assertThat(result.out()).startsWith("{").endsWith("}" + System.lineSeparator());
        assertThat(result.out().lines()).hasSize(1);
        return result.out();
    }

    @Test
    void search_json_has_the_documented_fields_and_escapes_every_value() {
        ok(cli.run("policy", "set", "--as", "admin", "--max-age", "90d"));

        String full = json(cli.run("search", "--as", "admin", "alice", "--json"));

        assertThat(full)
                .startsWith("{\"view\":\"FULL\",\"users\":[{\"username\":\"alice\",")
                .contains(
                        "\"publicName\":\"Alice \\\"Al\\\" Liddell\"",
                        "\"email\":\"alice@example.com\"",
                        "\"failedLogins\":0",
                        "\"locked\":false",
                        "\"source\":\"local\"",
                        "\"actions\":[\"set-password\",\"reset\",\"edit\",\"delete\"]",
                        "\"permissions\":[]",
                        "\"enabled\":true",
                        "\"comments\":\"line one\\nline two\"",
                        "\"mustChangePassword\":false")
                .endsWith("\"nextCursor\":null}" + System.lineSeparator());
        Instant changed = Instant.parse(field(full, "passwordChangedAt"));
        assertThat(Instant.parse(field(full, "passwordExpiresAt"))).isEqualTo(changed.plus(90, ChronoUnit.DAYS));
        assertThat(full).contains("\"temporaryPasswordExpiresAt\":null");

        String limited = json(cli.run("search", "--as", "rep", "--json"));
        assertThat(limited).startsWith("{\"view\":\"LIMITED\"").doesNotContain("permissions", "passwordChangedAt");
        assertThat(limited).contains("\"username\":\"admin\"", "\"email\":null", "\"actions\":[]");
    }

    @Test
    void the_full_view_tells_when_each_password_was_set_and_expires() {
        ok(cli.run("policy", "set", "--as", "admin", "--max-age", "90d"));
        String today = Describe.date(Instant.now());
        String in90 = Describe.date(Instant.now().plus(90, ChronoUnit.DAYS));

        Cli.Result full = ok(cli.run("search", "--as", "admin"));

        assertThat(full.out()).contains("PASSWORD SET", "EXPIRES");
        assertThat(CommandLineTest.cells(full, "alice"))
                .containsSubsequence(today, in90, "set-password, reset, edit, delete");
        ok(cli.run("set-password", "--as", "rep", "alice", "--generate", "--must-change"));
        String in3 = Describe.date(Instant.now().plus(72, ChronoUnit.HOURS));
        assertThat(CommandLineTest.cells(ok(cli.run("search", "--as", "admin")), "alice"))
                .containsSubsequence(today, in3);
        assertThat(ok(cli.run("search", "--as", "rep")).out()).doesNotContain("PASSWORD SET");
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        assertThat(m.find()).as(name).isTrue();
        return m.group(1);
    }

    @Test
    void form_policy_and_login_json() {
        assertThat(json(cli.run("form", "--as", "rep", "alice", "--json")))
                .startsWith("{\"username\":\"alice\",")
                .contains("\"emailPasswordOffered\":false", "\"policy\":{\"minLength\":15,\"maxLength\":128,");

        assertThat(json(cli.run("policy", "show", "--as", "rep", "--json")))
                .startsWith("{\"minLength\":15,")
                .contains(
                        "\"bannedWords\":[]",
                        "\"maxAge\":null",
                        "\"temporaryLifetime\":\"PT72H\"",
                        "\"lockoutThreshold\":10",
                        "\"lockoutDuration\":\"PT30M\"");

        assertThat(json(cli.input(ALICE_PASSWORD + "\n", "login", "alice", "--password-stdin", "--json")))
                .isEqualTo("{\"outcome\":\"AUTHENTICATED\",\"username\":\"alice\",\"provider\":null}"
                        + System.lineSeparator());
        Cli.Result wrong = cli.input("not her password\n", "login", "alice", "--password-stdin", "--json");
        assertThat(wrong.exit()).isEqualTo(ExitCode.LOGIN_FAILED.code());
        assertThat(wrong.out()).startsWith("{\"outcome\":\"REJECTED\",\"username\":null");
    }

    @Test
    void a_generated_password_in_json_works_and_json_needs_generate() {
        String set = json(cli.run("set-password", "--as", "rep", "alice", "--generate", "--must-change", "--json"));

        assertThat(set)
                .startsWith("{\"username\":\"alice\",\"password\":\"")
                .contains("\"emailed\":false", "\"mustChangePassword\":true", "\"temporaryPasswordExpiresAt\":\"");
        String password = field(set, "password").replace("\\\\", "\\");
        assertThat(ok(cli.input(password + "\n", "login", "alice", "--password-stdin"))
                        .out())
                .startsWith("MUST_CHANGE_PASSWORD");

        Cli.Result plain = cli.input(
                "violet lanterns drift east\n", "set-password", "--as", "rep", "alice", "--password-stdin", "--json");
        assertThat(plain.exit()).isEqualTo(ExitCode.USAGE.code());
        assertThat(plain.err()).contains("--json: goes with --generate");
    }

    @Test
    void audit_filters_by_time_and_action_and_exports_json_and_csv() {
        cli.input("not her password\n", "login", "alice", "--password-stdin");
        cli.input("rep wants admin rights\n", "set-password", "--as", "rep", "admin", "--password-stdin");

        String logins = json(cli.run("audit", "--as", "admin", "--action", "authenticate", "--json"));
        assertThat(logins)
                .contains("\"action\":\"AUTHENTICATE\"", "\"outcome\":\"REJECTED\"", "\"target\":\"alice\"")
                .doesNotContain("SET_PASSWORD", "CREATE_USER")
                .endsWith("\"nextBefore\":null}" + System.lineSeparator());

        String future = Instant.now().plus(1, ChronoUnit.DAYS).toString();
        assertThat(json(cli.run("audit", "--as", "admin", "--since", future, "--json")))
                .startsWith("{\"events\":[]");
        assertThat(json(cli.run("audit", "--as", "admin", "--until", "2000-01-01T00:00:00Z", "--json")))
                .startsWith("{\"events\":[]");

        Cli.Result csv = ok(cli.run(
                "audit", "--as", "admin", "--csv", "--action", "SET_PASSWORD", "--action", "BOOTSTRAP_ADMINISTRATOR"));
        List<String> lines = csv.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("sequence,at,actor,action,target,outcome,code,details");
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1))
                .matches("\\d+,\\d{4}-\\d\\d-\\d\\dT[0-9:]+Z,rep,SET_PASSWORD,admin,DENIED,"
                        + "DENIED_TARGET_IS_ADMINISTRATOR,action=SET_PASSWORD emailPassword=false target=admin");
        assertThat(lines.get(2)).contains(",,BOOTSTRAP_ADMINISTRATOR,admin,SUCCESS,OK");

        Cli.Result bad = cli.run("audit", "--as", "admin", "--action", "NOT_AN_ACTION");
        assertThat(bad.exit()).isEqualTo(ExitCode.USAGE.code());
        assertThat(bad.err()).contains("--action: must be one of");
    }

    @Test
    void csv_fields_are_quoted_and_never_read_as_formulas() {
        assertThat(AuditCommand.csv("plain")).isEqualTo("plain");
        assertThat(AuditCommand.csv("a,b")).isEqualTo("\"a,b\"");
        assertThat(AuditCommand.csv("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(AuditCommand.csv("=HYPERLINK(1)")).isEqualTo("'=HYPERLINK(1)");
    }

    @Test
    void json_strings_escape_quotes_backslashes_and_control_characters() {
        assertThat(Json.write(Map.of("k", "a\"b\\c\n\t\u0000\u2028")))
                .isEqualTo("{\"k\":\"a\\\"b\\\\c\\n\\t\\u0000\\u2028\"}");
        assertThat(Json.write(List.of(Optional.empty(), 1, true, "x"))).isEqualTo("[null,1,true,\"x\"]");
    }

    @Test
    void user_delete_asks_at_a_terminal_and_needs_yes_without_one() {
        Cli.Result script = cli.run("user", "delete", "--as", "admin", "alice");
        assertThat(script.exit()).isEqualTo(ExitCode.USAGE.code());
        assertThat(script.err()).contains("--yes");

        Cli.Result declined = ok(new Cli(dir.resolve("data"))
                .terminal(prompt -> "no".toCharArray())
                .run("user", "delete", "--as", "admin", "alice"));
        assertThat(declined.out()).contains("Not deleted.");
        assertThat(ok(cli.run("search", "--as", "admin", "alice")).out()).contains("1 user(s)");

        Cli.Result confirmed = ok(new Cli(dir.resolve("data"))
                .terminal(prompt -> {
                    assertThat(prompt).contains("Delete alice");
                    return "yes".toCharArray();
                })
                .run("user", "delete", "--as", "admin", "alice"));
        assertThat(confirmed.out()).contains("Deleted alice.");
        assertThat(ok(cli.run("search", "--as", "admin", "alice")).out()).contains("0 user(s)");
    }

    @Test
    void settings_come_from_the_option_then_the_environment_then_the_settings_file() throws Exception {
        Cli.copy(template(), dir.resolve("from-file"));
        Path config = Files.writeString(dir.resolve("locksmith.properties"), "data = from-file\n");

        Cli fromFile = Cli.bare().in(dir.resolve("elsewhere")).with("--config", config.toString());
        assertThat(ok(fromFile.run("search", "--as", "admin")).out()).contains("3 user(s)");

        Cli.Result fromEnvironmentFile =
                ok(Cli.bare().variable("LOCKSMITH_CONFIG", config.toString()).run("search", "--as", "admin"));
        assertThat(fromEnvironmentFile.out()).contains("3 user(s)");

        // The environment beats the file, and the option beats both.
        Cli.Result environment = Cli.bare()
                .variable("LOCKSMITH_CONFIG", config.toString())
                .variable("LOCKSMITH_DATA", dir.resolve("nothing-here").toString())
                .run("search", "--as", "admin");
        assertThat(environment.err()).contains("no Locksmith store in " + dir.resolve("nothing-here"));
        Cli.Result option = new Cli(dir.resolve("data"))
                .variable("LOCKSMITH_DATA", dir.resolve("nothing-here").toString())
                .run("search", "--as", "admin");
        assertThat(ok(option).out()).contains("3 user(s)");

        Files.writeString(config, "data = from-file\njdbc-password = secret\n");
        Cli.Result unknown = fromFile.run("search", "--as", "admin");
        assertThat(unknown.exit()).isEqualTo(ExitCode.USAGE.code());
        assertThat(unknown.err())
                .contains("unknown key(s) [jdbc-password]", "LOCKSMITH_JDBC_PASSWORD")
                .doesNotContain("secret");
    }
}
