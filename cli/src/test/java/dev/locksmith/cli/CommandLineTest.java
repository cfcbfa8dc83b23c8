package dev.locksmith.cli;

import static dev.locksmith.cli.Cli.ADMIN_PASSWORD;
import static dev.locksmith.cli.Cli.ALICE_PASSWORD;
import static dev.locksmith.cli.Cli.BOB_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The command line over the real adapters (embedded H2, Argon2id at a test-only cost, the screening
 * adapters): each use case through its subcommand, with the outcome checked through later commands.
 */
class CommandLineTest extends FromTemplateStore {
    /** The world every test starts from, made once: admin, rep (allowed to set passwords), alice, bob. */
    CommandLineTest() {
        super(cli -> cli.init("--name", "Ada Admin")
                .createRep("--name", "Robin Reyes")
                .create("alice", ALICE_PASSWORD, "--name", "Alice Liddell", "--email", "alice@example.com")
                .create("bob", BOB_PASSWORD, "--name", "Bob Stone"));
    }

    static Cli.Result ok(Cli.Result result) {
        assertThat(result.exit()).as(result.toString()).isZero();
        return result;
    }

    private Cli.Result login(String user, String password) {
        return cli.input(password + "\n", "login", user, "--password-stdin");
    }

    @Test
    void init_creates_the_first_administrator_and_is_refused_afterwards() {
        assertThat(login("admin", ADMIN_PASSWORD).out()).startsWith("AUTHENTICATED");

        Cli.Result again = cli.input("another long passphrase\n", "init", "--admin", "root", "--password-stdin");

        assertThat(again.exit()).isEqualTo(ExitCode.DENIED.code());
        assertThat(again.err()).contains("DENIED_NOT_PERMITTED");
        assertThat(login("root", "another long passphrase").exit()).isEqualTo(ExitCode.LOGIN_FAILED.code());
    }

    @Test
    void a_representative_sees_the_limited_view_with_the_actions_of_each_row() {
        Cli.Result limited = ok(cli.run("search", "--as", "rep"));

        assertThat(limited.out())
                .contains("Limited view (allowed to set passwords), 4 user(s):")
                .doesNotContain("PERMISSIONS")
                .doesNotContain("edit")
                .doesNotContain("delete");
        assertThat(row(limited, "admin")).endsWith("-");
        assertThat(row(limited, "alice")).contains("alice@example.com").endsWith("set-password, reset");
        assertThat(row(limited, "rep")).endsWith("-");

        Cli.Result full = ok(cli.run("search", "--as", "admin", "ali"));
        assertThat(full.out()).contains("Full view (administrator), 1 user(s):");
        assertThat(row(full, "alice")).endsWith("set-password, reset, edit, delete");
    }

    @Test
    void a_user_without_the_permission_cannot_search() {
        Cli.Result denied = cli.run("search", "--as", "bob");

        assertThat(denied.exit()).isEqualTo(ExitCode.DENIED.code());
        assertThat(denied.err()).contains("DENIED_NOT_PERMITTED");
    }

    @Test
    void a_password_set_from_standard_input_lets_the_user_log_in() {
        Cli.Result set =
                cli.input("a brand new passphrase\n", "set-password", "--as", "rep", "alice", "--password-stdin");

        assertThat(ok(set).out()).contains("Password of alice set.");
        assertThat(ok(login("alice", "a brand new passphrase")).out()).startsWith("AUTHENTICATED: alice is logged in");
        Cli.Result old = login("alice", ALICE_PASSWORD);
        assertThat(old.exit()).isEqualTo(ExitCode.LOGIN_FAILED.code());
        assertThat(old.out()).startsWith("REJECTED");
    }

    @Test
    void must_change_makes_the_user_change_the_password_with_passwd() {
        ok(cli.input(
                "temporary passphrase here\n",
                "set-password",
                "--as",
                "rep",
                "alice",
                "--must-change",
                "--password-stdin"));

        Cli.Result first = ok(login("alice", "temporary passphrase here"));
        assertThat(first.out()).startsWith("MUST_CHANGE_PASSWORD").contains("Next: locksmith passwd --as alice");

        Cli.Result changed = cli.input(
                "temporary passphrase here\nmy very own passphrase\n", "passwd", "--as", "alice", "--password-stdin");
        assertThat(ok(changed).out()).contains("Password of alice changed.");
        assertThat(ok(login("alice", "my very own passphrase")).out()).startsWith("AUTHENTICATED");
    }

    @Test
    void passwd_with_a_wrong_current_password_is_denied() {
        Cli.Result wrong =
                cli.input("not my password\nmy very own passphrase\n", "passwd", "--as", "alice", "--password-stdin");

        assertThat(wrong.exit()).isEqualTo(ExitCode.DENIED.code());
        assertThat(wrong.err()).contains("DENIED_WRONG_CURRENT_PASSWORD");
        ok(login("alice", ALICE_PASSWORD));
    }

    @Test
    void a_generated_password_is_printed_once_and_works() {
        Cli.Result set = ok(cli.run("set-password", "--as", "rep", "bob", "--generate", "--must-change"));

        String generated = set.out()
                .lines()
                .filter(l -> l.startsWith("Generated password: "))
                .map(l -> l.substring("Generated password: ".length()))
                .findFirst()
                .orElseThrow();
        assertThat(generated).hasSizeGreaterThanOrEqualTo(16);
        assertThat(set.out()).contains("The user must change it at the next login; it expires at ");
        assertThat(ok(login("bob", generated)).out()).startsWith("MUST_CHANGE_PASSWORD");
    }

    @Test
    void generate_and_password_stdin_exclude_each_other() {
        Cli.Result both = cli.input("x\n", "set-password", "--as", "rep", "bob", "--generate", "--password-stdin");

        assertThat(both.exit()).isEqualTo(ExitCode.USAGE.code());
        assertThat(both.err()).contains("--generate");
    }

    @Test
    void reset_unlocks_a_user_locked_by_failed_logins() {
        ok(cli.run("policy", "set", "--as", "admin", "--lockout-threshold", "3", "--lockout-duration", "until-reset"));
        for (int i = 0; i < 3; i++) {
            assertThat(login("bob", "wrong guess " + i).exit()).isEqualTo(ExitCode.LOGIN_FAILED.code());
        }
        Cli.Result locked = login("bob", BOB_PASSWORD);
        assertThat(locked.exit()).isEqualTo(ExitCode.LOGIN_FAILED.code());
        // A locked account answers like a wrong password, whatever is typed; the search shows the lock.
        assertThat(locked.out()).startsWith("REJECTED");
        assertThat(cells(ok(cli.run("search", "--as", "rep", "bob")), "bob")).contains("3, locked");

        assertThat(ok(cli.run("reset", "--as", "rep", "bob")).out()).contains("Failed logins of bob reset");

        assertThat(ok(login("bob", BOB_PASSWORD)).out()).startsWith("AUTHENTICATED");
        assertThat(cells(ok(cli.run("search", "--as", "rep", "bob")), "bob")).contains("0");
    }

    @Test
    void the_form_shows_the_read_only_fields_the_email_offer_and_the_policy() {
        Cli.Result form = ok(cli.run("form", "--as", "rep", "alice"));

        assertThat(form.out())
                .contains("Change the password of alice", "length:                15 to 128 characters")
                .containsPattern("public display name: +Alice Liddell\\R")
                .containsPattern("email: +alice@example.com\\R")
                .containsPattern("email password to user: +not offered \\(mail not configured\\)\\R");
    }

    @Test
    void require_change_sets_must_change_at_next_login() {
        ok(cli.run("require-change", "--as", "rep", "alice"));

        assertThat(ok(login("alice", ALICE_PASSWORD)).out()).startsWith("MUST_CHANGE_PASSWORD");
    }

    @Test
    void an_administrator_edits_grants_revokes_disables_and_deletes() {
        ok(cli.run(
                "user",
                "edit",
                "--as",
                "admin",
                "bob",
                "--name",
                "Robert Stone",
                "--email",
                "bob@example.com",
                "--comments",
                "night shift"));
        Cli.Result found = ok(cli.run("search", "--as", "admin", "robert"));
        assertThat(row(found, "bob")).contains("Robert Stone", "Bob Stone", "bob@example.com");

        assertThat(ok(cli.run("user", "grant", "--as", "admin", "bob", "set-passwords"))
                        .out())
                .contains("bob now holds: set-passwords.");
        assertThat(ok(cli.run("search", "--as", "bob")).out()).contains("Limited view");
        ok(cli.run("user", "revoke", "--as", "admin", "bob", "set-passwords"));
        assertThat(cli.run("search", "--as", "bob").exit()).isEqualTo(ExitCode.DENIED.code());

        ok(cli.run("user", "edit", "--as", "admin", "bob", "--disable"));
        assertThat(login("bob", BOB_PASSWORD).out()).startsWith("DISABLED");
        ok(cli.run("user", "edit", "--as", "admin", "bob", "--enable", "--no-email"));
        assertThat(cells(ok(cli.run("search", "--as", "admin", "bob")), "bob"))
                .startsWith("bob", "Robert Stone", "Bob Stone", "-");

        ok(cli.run("user", "delete", "--as", "admin", "bob", "--yes"));
        assertThat(ok(cli.run("search", "--as", "admin", "bob")).out()).contains("0 user(s)");
    }

    @Test
    void the_last_administrator_cannot_lose_the_permission() {
        Cli.Result revoke = cli.run("user", "revoke", "--as", "admin", "admin", "administrator");

        assertThat(revoke.exit()).isEqualTo(ExitCode.DENIED.code());
        assertThat(revoke.err()).contains("DENIED_LAST_ADMINISTRATOR");
    }

    @Test
    void policy_show_and_set() {
        Cli.Result set = ok(cli.run(
                "policy",
                "set",
                "--as",
                "admin",
                "--min-length",
                "20",
                "--history",
                "3",
                "--max-age",
                "90d",
                "--banned-words",
                "acme,globex",
                "--temporary-lifetime",
                "none"));
        assertThat(set.out()).contains("Password policy changed:");

        Cli.Result shown = ok(cli.run("policy", "show", "--as", "bob"));
        assertThat(shown.out())
                .contains(
                        "length:                20 to 128 characters",
                        "differs from the last 3",
                        "maximum age:           90d",
                        "banned words:          acme, globex",
                        "never expire");

        Cli.Result classic = ok(cli.run("policy", "set", "--as", "admin", "--preset", "classic"));
        assertThat(classic.out()).contains("8 to 128 characters", "required (3 of 4 character classes)");
    }

    @Test
    void only_an_administrator_changes_the_policy() {
        Cli.Result denied = cli.run("policy", "set", "--as", "rep", "--min-length", "8");

        assertThat(denied.exit()).isEqualTo(ExitCode.DENIED.code());
        assertThat(ok(cli.run("policy", "show", "--as", "rep")).out()).contains("15 to 128 characters");
    }

    @Test
    void a_bad_policy_setting_is_invalid_input() {
        assertThat(cli.run("policy", "set", "--as", "admin", "--min-length", "4")
                        .err())
                .contains("--min-length: must be at least 8");
        assertThat(cli.run("policy", "set", "--as", "admin", "--max-age", "soon")
                        .exit())
                .isEqualTo(ExitCode.USAGE.code());
        assertThat(cli.run("policy", "set", "--as", "admin", "--preset", "lax").exit())
                .isEqualTo(ExitCode.USAGE.code());
    }

    @Test
    void the_audit_trail_shows_refusals_to_administrators_only() {
        cli.input("rep wants admin rights\n", "set-password", "--as", "rep", "admin", "--password-stdin");

        Cli.Result audit = ok(cli.run("audit", "--as", "admin", "--user", "admin", "--limit", "5"));
        assertThat(audit.out()).contains("SEQ", "ACTOR", "OUTCOME");
        assertThat(audit.out().lines().skip(1).findFirst().orElseThrow())
                .contains("rep", "SET_PASSWORD", "admin", "DENIED", "DENIED_TARGET_IS_ADMINISTRATOR");
        assertThat(cli.run("audit", "--as", "rep").exit()).isEqualTo(ExitCode.DENIED.code());
    }

    @Test
    void register_provider_records_a_user_whose_password_lives_elsewhere() {
        Cli.Result registered = ok(cli.run(
                "user",
                "register-provider",
                "--as",
                "admin",
                "dave",
                "--provider",
                "corp-ldap",
                "--name",
                "Dave Brennan"));
        assertThat(registered.out()).contains("dave of provider corp-ldap: created.");

        assertThat(row(ok(cli.run("search", "--as", "rep", "dave")), "dave"))
                .contains("  corp-ldap  ")
                .endsWith("reset");
        Cli.Result set =
                cli.input("a password for dave\n", "set-password", "--as", "admin", "dave", "--password-stdin");
        assertThat(set.exit()).isEqualTo(ExitCode.DENIED.code());
        assertThat(set.err()).contains("DENIED_TARGET_MANAGED_BY_PROVIDER");
        Cli.Result login = login("dave", "whatever it is");
        assertThat(login.exit()).isEqualTo(ExitCode.LOGIN_FAILED.code());
        assertThat(login.out()).startsWith("USE_PROVIDER: log in through the security provider corp-ldap");
    }

    @Test
    void a_user_claimed_by_an_ldif_provider_cannot_get_a_password_here() throws Exception {
        Path ldif = Files.writeString(dir.resolve("corp.ldif"), """
                version: 1

                dn: uid=alice,ou=people,dc=corp,dc=example
                uid: alice
                """);
        Cli withProvider = new Cli(dir.resolve("data")).with("--provider", "corp-ldap:ldap:" + ldif);

        Cli.Result set = withProvider.input(
                "a brand new passphrase\n", "set-password", "--as", "rep", "alice", "--password-stdin");

        assertThat(set.exit()).isEqualTo(ExitCode.DENIED.code());
        assertThat(set.err()).contains("DENIED_TARGET_MANAGED_BY_PROVIDER");
        assertThat(row(ok(withProvider.run("search", "--as", "rep", "alice")), "alice"))
                .contains("  corp-ldap  ");
        assertThat(ok(login("alice", ALICE_PASSWORD)).out()).startsWith("AUTHENTICATED");
    }

    @Test
    void a_bad_provider_option_or_ldif_file_is_invalid_input() throws Exception {
        Cli.Result spec =
                new Cli(dir.resolve("data")).with("--provider", "corp-ldap").run("search", "--as", "rep");
        assertThat(spec.exit()).isEqualTo(ExitCode.USAGE.code());
        assertThat(spec.err()).contains("NAME:KIND:FILE");

        Path broken = Files.writeString(dir.resolve("broken.ldif"), "dn: uid=x\nuid:: !!!not base64\n");
        Cli.Result ldif = new Cli(dir.resolve("data"))
                .with("--provider", "corp:ldap:" + broken)
                .run("search", "--as", "rep");
        assertThat(ldif.exit()).isEqualTo(ExitCode.USAGE.code());
        assertThat(ldif.err()).contains("broken.ldif");
    }

    @Test
    void passwords_are_asked_twice_at_the_terminal_and_a_mismatch_changes_nothing() {
        Deque<String> typed = new ArrayDeque<>(List.of("typed at the terminal", "typed at the terminal"));
        Cli terminal =
                new Cli(dir.resolve("data")).terminal(prompt -> typed.poll().toCharArray());
        ok(terminal.run("set-password", "--as", "rep", "alice"));
        assertThat(ok(login("alice", "typed at the terminal")).out()).startsWith("AUTHENTICATED");

        Deque<String> mistyped = new ArrayDeque<>(List.of("first try at typing", "first try at typinh"));
        Cli typo =
                new Cli(dir.resolve("data")).terminal(prompt -> mistyped.poll().toCharArray());
        Cli.Result mismatch = typo.run("set-password", "--as", "rep", "alice");
        assertThat(mismatch.exit()).isEqualTo(ExitCode.USAGE.code());
        assertThat(mismatch.err()).contains("the two entries differ");
        assertThat(ok(login("alice", "typed at the terminal")).out()).startsWith("AUTHENTICATED");
    }

    @Test
    void without_a_terminal_the_password_must_come_from_standard_input() {
        Cli.Result none = cli.run("set-password", "--as", "rep", "alice");

        assertThat(none.exit()).isEqualTo(ExitCode.USAGE.code());
        assertThat(none.err()).contains("--password-stdin");
    }

    @Test
    void an_empty_standard_input_is_invalid_input() {
        Cli.Result empty = cli.input("", "login", "alice", "--password-stdin");

        assertThat(empty.exit()).isEqualTo(ExitCode.USAGE.code());
        assertThat(empty.err()).contains("standard input ended");
    }

    @Test
    void no_command_prints_the_usage_as_a_usage_error() {
        Cli.Result none = cli.run();

        assertThat(none.exit()).isEqualTo(ExitCode.USAGE.code());
        assertThat(none.err()).contains("Usage: locksmith");
    }

    @Test
    void help_lists_the_exit_codes_on_every_command() {
        for (String[] args : List.of(new String[] {"--help"}, new String[] {"set-password", "--help"}, new String[] {
            "user", "create", "--help"
        })) {
            Cli.Result help = ok(cli.run(args));
            assertThat(help.out())
                    .contains(
                            "Exit codes:",
                            " 3   denied by the authorization matrix",
                            " 4   the password breaks the password policy",
                            " 2   usage error",
                            " 7   mail not configured",
                            " 9   login only");
        }
    }

    /** The cells of the table row of {@code username} (columns are two or more spaces apart). */
    static List<String> cells(Cli.Result result, String username) {
        return List.of(row(result, username).split(" {2,}"));
    }

    /** The table row of {@code username}, trailing blanks trimmed. */
    static String row(Cli.Result result, String username) {
        return result.out()
                .lines()
                .map(String::strip)
                .filter(l -> l.startsWith(username + " "))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row " + username + " in\n" + result.out()));
    }

    @Test
    void an_argument_starting_with_at_is_text_not_the_contents_of_a_file() throws Exception {
        Path secrets = dir.resolve("mail.properties");
        Files.writeString(secrets, "password=SmtpRelayS3cret\n");

        Cli.Result result = cli.run("search", "--as", "@" + secrets);

        assertThat(result.exit()).as(result.toString()).isNotZero();
        assertThat(result.toString()).doesNotContain("SmtpRelayS3cret");
    }

    @Test
    void an_unknown_option_is_named_but_its_value_is_never_echoed() {
        Cli.Result result = cli.run("login", "alice", "--password", "Hunter2-typed-by-mistake");

        assertThat(result.exit()).isEqualTo(ExitCode.USAGE.code());
        assertThat(result.err()).contains("--password").doesNotContain("Hunter2");
    }

    @Test
    void a_password_on_standard_input_that_is_not_utf_8_is_refused_not_replaced() {
        byte[] latin1 =
                "Zw\u00f6lf-Boxk\u00e4mpfer-jagen-Viktor".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

        Cli.Result result = cli.inputBytes(latin1, "set-password", "--as", "rep", "alice", "--password-stdin");

        assertThat(result.exit()).as(result.toString()).isEqualTo(ExitCode.USAGE.code());
        assertThat(result.err()).contains("not UTF-8");
        assertThat(login("alice", ALICE_PASSWORD).out()).startsWith("AUTHENTICATED");
    }

    @Test
    void the_data_folder_and_database_are_private_to_their_owner() throws Exception {
        Path fresh = dir.resolve("fresh");
        Cli other = new Cli(fresh);
        assertThat(other.input(ADMIN_PASSWORD + "\n", "init", "--admin", "admin", "--password-stdin")
                        .exit())
                .isZero();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh.resolve("locksmith.mv.db"))))
                .isEqualTo("rw-------");
    }
}
