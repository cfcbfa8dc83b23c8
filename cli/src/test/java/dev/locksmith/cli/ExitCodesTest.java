package dev.locksmith.cli;

import static dev.locksmith.cli.Cli.ALICE_PASSWORD;
import static dev.locksmith.cli.CommandLineTest.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a script can rely on: one exit code per kind of failure, a message naming the reason, every policy
 * violation with its parameters, never a stack trace for an expected error, and never a password in what
 * the command prints.
 */
class ExitCodesTest extends FromTemplateStore {
    /** The world every test starts from, made once: admin, rep (allowed to set passwords), alice. */
    ExitCodesTest() {
        super(cli -> cli.init().createRep().create("alice", ALICE_PASSWORD, "--email", "alice@example.com"));
    }

    final List<Cli.Result> printed = new ArrayList<>();

    private Cli.Result run(String stdin, String... args) {
        Cli.Result result = cli.input(stdin, args);
        printed.add(result);
        return result;
    }

    /** {@code set-password --as rep USER OPTIONS --password-stdin}, with {@code password} on standard input. */
    private Cli.Result setPasswordAsRep(String password, String user, String... options) {
        List<String> args = new ArrayList<>(List.of("set-password", "--as", "rep", user));
        args.addAll(List.of(options));
        args.add("--password-stdin");
        return run(password + "\n", args.toArray(String[]::new));
    }

    private Cli.Result expect(int code, String reason, Cli.Result result) {
        assertThat(result.exit()).as(result.toString()).isEqualTo(code);
        assertThat(result.err()).as(result.toString()).contains(reason);
        assertThat(result.out()).isEmpty();
        noStackTrace(result);
        return result;
    }

    static void noStackTrace(Cli.Result result) {
        assertThat(result.all()).as(result.toString()).doesNotContain("\tat ", "Exception", "Caused by");
    }

    @Test
    void denied_is_3() {
        expect(
                ExitCode.DENIED.code(),
                "denied: only an administrator may act on an administrator [DENIED_TARGET_IS_ADMINISTRATOR]",
                setPasswordAsRep("rep wants admin rights", "admin"));
        expect(ExitCode.DENIED.code(), "DENIED_ACTOR_UNKNOWN", run("", "search", "--as", "nobody"));
        expect(ExitCode.DENIED.code(), "DENIED_SELF_TARGET", setPasswordAsRep("my own new passphrase", "rep"));
    }

    @Test
    void a_policy_violation_is_4_and_lists_every_violation_with_its_parameters() {
        Cli.Result weak = expect(
                ExitCode.POLICY.code(),
                "the password breaks the password policy [POLICY_VIOLATED]",
                setPasswordAsRep("alice", "alice"));

        assertThat(weak.err().lines().filter(l -> l.startsWith("  - ")).toList())
                .containsExactly(
                        "  - TOO_SHORT: shorter than 15 characters (minimum=15)",
                        "  - CONTAINS_USER_INFORMATION: contains the user's username (context=username)",
                        "  - CONTAINS_USER_INFORMATION: contains the user's email address (context=email)",
                        "  - COMMON_PASSWORD: is a common or breached password");
    }

    @Test
    void strength_violations_carry_score_minimum_and_feedback() {
        ok(run("", "policy", "set", "--as", "admin", "--min-strength", "4"));

        Cli.Result weak =
                expect(ExitCode.POLICY.code(), "POLICY_VIOLATED", setPasswordAsRep("password password", "alice"));

        assertThat(weak.err())
                .containsPattern("- TOO_WEAK: too easy to guess: strength [0-3] of 4, 4 needed "
                        + "\\(minimum=4, score=[0-3]; feedback=\".+\"\\)");
    }

    @Test
    void malformed_input_is_a_usage_error_2() {
        expect(ExitCode.USAGE.code(), "invalid input [INVALID_INPUT]", run("", "search", "--as", "not a name"));
        expect(ExitCode.USAGE.code(), "--as", run("", "search", "--as", "not a name"));
        expect(
                ExitCode.USAGE.code(),
                "email",
                run(
                        "some long passphrase\n",
                        "user",
                        "create",
                        "--as",
                        "admin",
                        "carol",
                        "--email",
                        "carol at example",
                        "--password-stdin"));
        expect(ExitCode.USAGE.code(), "permission", run("", "user", "grant", "--as", "admin", "alice", "superuser"));
    }

    @Test
    void not_found_is_5() {
        Cli.Result ghost = expect(
                ExitCode.NOT_FOUND.code(), "not found [NOT_FOUND]", setPasswordAsRep("some long passphrase", "ghost"));
        assertThat(ghost.err()).contains("no such user: ghost");
        expect(ExitCode.NOT_FOUND.code(), "[NOT_FOUND]", run("", "reset", "--as", "rep", "ghost"));
    }

    @Test
    void conflict_is_6() {
        expect(
                ExitCode.CONFLICT.code(),
                "conflict: the username is taken [ALREADY_EXISTS]",
                run("some long passphrase\n", "user", "create", "--as", "admin", "alice", "--password-stdin"));
    }

    @Test
    void mail_failure_is_7_and_changes_nothing() {
        expect(
                ExitCode.MAIL.code(),
                "mail is not configured (give --mail-config); nothing was changed [MAIL_NOT_CONFIGURED]",
                setPasswordAsRep("a brand new passphrase", "alice", "--email"));

        assertThat(ok(run("forgotten long ago\n", "login", "alice", "--password-stdin"))
                        .out())
                .startsWith("AUTHENTICATED");
    }

    @Test
    void unavailable_is_8() throws Exception {
        Cli.Result result = new Cli(dir.resolve("unused"))
                .with("--jdbc-url", "jdbc:postgresql://127.0.0.1:1/locksmith")
                .run("search", "--as", "admin");

        assertThat(result.exit()).as(result.toString()).isEqualTo(ExitCode.UNAVAILABLE.code());
        assertThat(result.err()).contains("[UNAVAILABLE]");
        noStackTrace(result);
    }

    @Test
    void usage_errors_are_2() {
        Cli.Result unknown = run("", "search", "--as", "admin", "--colour");
        assertThat(unknown.exit()).isEqualTo(ExitCode.USAGE.code());
        assertThat(unknown.err()).contains("unknown or unexpected arguments: --colour");
        Cli.Result missing = run("", "search");
        assertThat(missing.exit()).isEqualTo(ExitCode.USAGE.code());
        assertThat(missing.err()).contains("Missing required option: '--as=USERNAME'");
        Cli.Result typo = run("", "serch", "--as", "admin");
        assertThat(typo.exit()).isEqualTo(ExitCode.USAGE.code());
        assertThat(typo.err()).contains("search");
        printed.forEach(ExitCodesTest::noStackTrace);
    }

    @Test
    void a_failed_login_is_9_and_a_successful_one_0() {
        Cli.Result rejected = run("not the password\n", "login", "alice", "--password-stdin");
        assertThat(rejected.exit()).isEqualTo(ExitCode.LOGIN_FAILED.code());
        assertThat(rejected.out()).isEqualTo("REJECTED: wrong username or password" + System.lineSeparator());
        Cli.Result unknown = run("not the password\n", "login", "nobody", "--password-stdin");
        assertThat(unknown.out()).isEqualTo(rejected.out());
        assertThat(ok(run("forgotten long ago\n", "login", "alice", "--password-stdin"))
                        .exit())
                .isZero();
    }

    @Test
    void no_password_ever_appears_in_what_the_command_prints() {
        List<String> secrets = List.of(
                "amber lighthouse keeps watch",
                "quiet harbor at dawn",
                "forgotten long ago",
                "not the password",
                "a brand new passphrase",
                "rep wants admin rights",
                "second brand passphrase",
                "too short",
                "another long passphrase",
                "yet another passphrase");
        run("another long passphrase\n", "user", "create", "--as", "admin", "carol", "--password-stdin");
        run("yet another passphrase\n", "init", "--admin", "root", "--password-stdin");
        setPasswordAsRep("a brand new passphrase", "alice", "--must-change");
        setPasswordAsRep("rep wants admin rights", "admin");
        setPasswordAsRep("alice", "alice");
        setPasswordAsRep("a brand new passphrase", "alice", "--email");
        run("not the password\n", "login", "alice", "--password-stdin");
        run("a brand new passphrase\n", "login", "alice", "--password-stdin");
        run("a brand new passphrase\ntoo short\n", "passwd", "--as", "alice", "--password-stdin");
        run("a brand new passphrase\nsecond brand passphrase\n", "passwd", "--as", "alice", "--password-stdin");
        run("second brand passphrase\n", "login", "alice", "--password-stdin");
        run("", "audit", "--as", "admin", "--limit", "100");

        for (Cli.Result result : printed) {
            noStackTrace(result);
            assertThat(result.all()).as(result.toString()).doesNotContain(secrets);
        }
        assertThat(printed.get(printed.size() - 2).out()).startsWith("AUTHENTICATED");
    }
}
