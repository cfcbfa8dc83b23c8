package dev.locksmith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locksmith.core.domain.AuditEvent;
import dev.locksmith.core.domain.AuditRecord;
import dev.locksmith.core.domain.Authorization;
import dev.locksmith.core.domain.Permission;
import dev.locksmith.core.domain.PolicyViolation;
import dev.locksmith.core.domain.Reason;
import dev.locksmith.core.domain.Source;
import dev.locksmith.core.domain.Username;
import dev.locksmith.core.usecase.AuthenticationOutcome;
import dev.locksmith.core.usecase.SearchUsers;
import dev.locksmith.core.usecase.SearchUsers.Affordance;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's story end to end on H2, GreenMail and an LDIF provider: each step's outcome as the story
 * tells it, what was printed, and the database as the story left it; the demo command, its kept store, and a
 * live directory wired in.
 */
class DemoTest {
    @TempDir
    static Path folder;

    static Demo.Report report;
    static String printed;

    @BeforeAll
    static void play() {
        StringWriter out = new StringWriter();
        report = new Demo(new PrintWriter(out, true), Cli.FAST, folder).run();
        printed = out.toString();
    }

    private static Map<String, SearchUsers.Row> rows() {
        return report.representativeView().page().items().stream()
                .collect(Collectors.toMap(r -> r.username().value(), Function.identity()));
    }

    @Test
    void the_representative_sees_the_limited_view_with_only_the_actions_allowed() {
        assertThat(report.representativeView().view()).isEqualTo(Authorization.View.LIMITED);
        Map<String, SearchUsers.Row> rows = rows();
        assertThat(rows).containsOnlyKeys("admin", "rep", "alice", "bob", "dave");
        assertThat(rows.get("admin").affordances()).isEmpty();
        assertThat(rows.get("rep").affordances()).isEmpty();
        assertThat(rows.get("alice").affordances())
                .containsExactlyInAnyOrder(Affordance.CHANGE_PASSWORD, Affordance.RESET_FAILED_LOGINS);
        assertThat(rows.get("dave").affordances()).containsExactly(Affordance.RESET_FAILED_LOGINS);
        assertThat(rows.get("dave").source()).isEqualTo(Source.provider(Demo.PROVIDER));
        assertThat(rows.values()).allSatisfy(r -> {
            assertThat(r.details()).isEmpty();
            assertThat(r.affordances()).doesNotContain(Affordance.EDIT, Affordance.DELETE);
        });
    }

    @Test
    void bob_is_locked_by_failed_logins_and_unlocked_by_the_representative() {
        // A locked account answers like a wrong password whatever is typed: the lock is no oracle.
        assertThat(report.bobsFailedAttempts())
                .containsExactly(
                        new AuthenticationOutcome.Rejected(),
                        new AuthenticationOutcome.Rejected(),
                        new AuthenticationOutcome.Rejected());
        assertThat(report.bobLocked()).isEqualTo(new AuthenticationOutcome.Rejected());
        SearchUsers.Row bob = rows().get("bob");
        assertThat(bob.locked()).isTrue();
        assertThat(bob.failedLogins()).isEqualTo(3);
        assertThat(bob.affordances())
                .containsExactlyInAnyOrder(Affordance.CHANGE_PASSWORD, Affordance.RESET_FAILED_LOGINS);
        assertThat(report.bobAfterReset()).isEqualTo(new AuthenticationOutcome.Authenticated(Username.of("bob")));
    }

    @Test
    void the_form_offers_email_and_shows_the_policy() {
        assertThat(report.aliceForm().username()).isEqualTo(Username.of("alice"));
        assertThat(report.aliceForm().publicName()).isEqualTo("Alice Liddell");
        assertThat(report.aliceForm().emailPasswordOffered()).isTrue();
        assertThat(report.aliceForm().policy().minStrength()).isEqualTo(3);
        assertThat(report.aliceForm().policy().lockoutThreshold()).isEqualTo(3);
    }

    @Test
    void the_password_is_emailed_and_must_be_changed() {
        assertThat(report.aliceSet().emailed()).isTrue();
        assertThat(report.aliceSet().mustChangePassword()).isTrue();
        assertThat(report.aliceSet().temporaryPasswordExpiresAt()).isPresent();
        Demo.Email email = report.email();
        assertThat(email.subject()).isEqualTo("Your new password");
        assertThat(email.recipients()).containsExactly("Alice Liddell <alice@example.com>");
        assertThat(email.headerLines())
                .contains("From: Appliance <locksmith@appliance.example>", "Subject: Your new password");
        assertThat(email.body()).contains("Username: alice", "New password: ", "You must change this password");
        assertThat(printed).contains("| From: Appliance <locksmith@appliance.example>", "| Username: alice");
    }

    @Test
    void the_representative_is_refused_on_an_administrator_a_directory_user_and_a_weak_password() {
        assertThat(report.administratorRefusal()).isEqualTo(Reason.DENIED_TARGET_IS_ADMINISTRATOR);
        assertThat(report.directoryUserRefusal()).isEqualTo(Reason.DENIED_TARGET_MANAGED_BY_PROVIDER);
        assertThat(report.weakPasswordViolations())
                .extracting(PolicyViolation::code)
                .contains(
                        PolicyViolation.Code.TOO_SHORT, PolicyViolation.Code.CONTAINS_USER_INFORMATION,
                        PolicyViolation.Code.BANNED_WORD, PolicyViolation.Code.TOO_WEAK);
        assertThat(printed)
                .contains(
                        "- TOO_SHORT: shorter than 15 characters (minimum=15)",
                        "- BANNED_WORD",
                        "[DENIED_TARGET_IS_ADMINISTRATOR]",
                        "[DENIED_TARGET_MANAGED_BY_PROVIDER]");
    }

    @Test
    void alice_must_change_the_emailed_password_and_then_logs_in_with_her_own() {
        assertThat(report.aliceWithEmailedPassword())
                .isEqualTo(new AuthenticationOutcome.MustChangePassword(Username.of("alice")));
        assertThat(report.aliceWithOwnPassword())
                .isEqualTo(new AuthenticationOutcome.Authenticated(Username.of("alice")));
    }

    @Test
    void the_audit_trail_records_every_decision_in_order() {
        List<String> trail = report.auditTrail().stream()
                .map(AuditRecord::event)
                .map(e -> e.actor().map(Username::value).orElse("-") + " " + e.action() + " "
                        + e.target().map(Username::value).orElse("-") + " " + e.outcome() + " " + e.code())
                .toList();
        assertThat(trail)
                .containsSubsequence(
                        "- BOOTSTRAP_ADMINISTRATOR admin SUCCESS OK",
                        "admin CHANGE_POLICY - SUCCESS OK",
                        "admin EDIT_USER rep SUCCESS OK",
                        "- ACCOUNT_LOCKED bob SUCCESS LOCKED",
                        "- AUTHENTICATE bob REJECTED LOCKED",
                        "rep SEARCH_USERS - SUCCESS OK",
                        "rep RESET_FAILED_LOGINS bob SUCCESS OK",
                        "rep SET_PASSWORD alice SUCCESS OK",
                        "rep SET_PASSWORD admin DENIED DENIED_TARGET_IS_ADMINISTRATOR",
                        "rep SET_PASSWORD dave DENIED DENIED_TARGET_MANAGED_BY_PROVIDER",
                        "rep SET_PASSWORD alice FAILED POLICY_VIOLATED",
                        "- AUTHENTICATE alice SUCCESS MUST_CHANGE_PASSWORD",
                        "alice CHANGE_OWN_PASSWORD alice SUCCESS OK",
                        "- AUTHENTICATE alice SUCCESS OK");
        assertThat(report.auditTrail())
                .map(AuditRecord::event)
                .map(AuditEvent::details)
                .allSatisfy(d -> assertThat(d.values())
                        .noneMatch(v -> v.contains(Demo.ALICE_NEW_PASSWORD)
                                || v.contains(Demo.WEAK_PASSWORD)
                                || v.contains(Demo.BOB_PASSWORD)));
    }

    @Test
    void the_story_is_printed_step_by_step() {
        assertThat(printed).startsWith("Locksmith demo: delegated password administration, end to end");
        for (int step = 1; step <= 16; step++) {
            assertThat(printed).contains(String.format("%n%2d. ", step));
        }
        assertThat(printed)
                .contains(
                        "Limited view (allowed to set passwords), 5 user(s):",
                        "-> bob logs in: AUTHENTICATED",
                        "-> MUST_CHANGE_PASSWORD",
                        "The end.");
        assertThat(printed).doesNotContain(Demo.ALICE_NEW_PASSWORD);
    }

    @Test
    void the_database_keeps_what_the_story_did() {
        try (Session session = Wiring.open(
                new Wiring.Settings(
                        new Wiring.Store.Embedded(folder, false, java.time.Duration.ZERO),
                        MailConfig.off(),
                        List.of(),
                        Clock.systemUTC()),
                Cli.FAST)) {
            SearchUsers.Result full = session.locksmith()
                    .searchUsers()
                    .execute(SearchUsers.Command.of(Username.of("admin"), "", Optional.empty(), 50));
            Map<String, SearchUsers.Row> rows = full.page().items().stream()
                    .collect(Collectors.toMap(r -> r.username().value(), Function.identity()));
            assertThat(rows.get("rep").details().orElseThrow().permissions())
                    .isEqualTo(Set.of(Permission.SET_PASSWORDS));
            assertThat(rows.get("alice").details().orElseThrow().mustChangePassword())
                    .isFalse();
            assertThat(rows.get("bob").failedLogins()).isZero();
            assertThat(rows.get("dave").source()).isEqualTo(Source.provider(Demo.PROVIDER));
        }
        assertThat(Files.exists(folder.resolve(Wiring.H2_FILE + ".mv.db"))).isTrue();
    }

    /** The folder the demo's header names as its store. */
    private static Path store(Cli.Result run) {
        List<String> lines = run.out().lines().toList();
        int at = lines.indexOf(lines.stream()
                .filter(l -> l.endsWith("The store is in:"))
                .findFirst()
                .orElseThrow());
        return Path.of(lines.get(at + 1).strip());
    }

    @Test
    void the_demo_command_cleans_up_its_folder_unless_asked_to_keep_it() throws Exception {
        Cli.Result run =
                CommandLineTest.ok(Cli.bare().commands(DemoMain.COMMANDS).run("demo"));
        assertThat(store(run)).doesNotExist();
        assertThat(run.out()).doesNotContain("Kept the demo's store");

        Cli.Result kept =
                CommandLineTest.ok(Cli.bare().commands(DemoMain.COMMANDS).run("demo", "--keep"));
        Path keptFolder = store(kept);
        assertThat(keptFolder.resolve(Wiring.H2_FILE + ".mv.db")).isRegularFile();
        assertThat(kept.out())
                .contains("    --data " + keptFolder + "\n", "locksmith --data " + keptFolder + " search --as rep");
        Wiring.deleteFolder(keptFolder);
    }

    /** What follows {@code start} on the first line that starts with it, stripped. */
    private static String after(List<String> lines, String start) {
        return lines.stream()
                .filter(l -> l.startsWith(start))
                .findFirst()
                .orElseThrow()
                .substring(start.length())
                .strip();
    }

    @Test
    void the_kept_store_answers_to_the_printed_options_and_passwords() {
        Path named = folder.resolve("kept-demo");
        Cli.Result kept =
                CommandLineTest.ok(new Cli(named).commands(DemoMain.COMMANDS).run("demo"));
        assertThat(store(kept)).isEqualTo(named.toAbsolutePath());
        List<String> lines = kept.out().lines().toList();
        String data = after(lines, "    --data ");
        String provider = after(lines, "    --provider ");
        Cli repeat = new Cli(Path.of(data)).with("--provider", provider);
        for (String user : List.of("admin", "rep", "bob", "alice")) {
            String password = after(lines, "    " + user + ":").replaceFirst(" \\(.*\\)$", "");
            assertThat(repeat.input(password + "\n", "login", user, "--password-stdin")
                            .out())
                    .as(user)
                    .startsWith("AUTHENTICATED");
        }
        Cli.Result dave = repeat.input("some password\n", "set-password", "--as", "rep", "dave", "--password-stdin");
        assertThat(dave.err()).contains("[DENIED_TARGET_MANAGED_BY_PROVIDER]");

        Cli.Result again = new Cli(named).commands(DemoMain.COMMANDS).run("demo");
        assertThat(again.exit()).isEqualTo(ExitCode.USAGE.code());
        assertThat(again.err()).contains("holds one");
    }

    @Test
    void no_line_is_wider_than_100_columns() {
        assertThat(printed.lines())
                .allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(100));
    }

    @Test
    void each_refusal_is_told_once() {
        for (String code : List.of("DENIED_TARGET_IS_ADMINISTRATOR", "DENIED_TARGET_MANAGED_BY_PROVIDER")) {
            String story = printed.substring(0, printed.indexOf("admin reads the audit trail"));
            assertThat(story.split(code, -1)).as(code).hasSize(2);
        }
        assertThat(printed).containsOnlyOnce("only an administrator may act on an administrator");
    }

    @Test
    void the_locking_attempt_is_told_as_the_audit_trail_records_it() {
        List<String> bob = report.auditTrail().stream()
                .map(AuditRecord::event)
                .filter(e -> e.target().map(Username::value).orElse("").equals("bob"))
                .map(e -> e.action() + " " + e.code())
                .toList();
        assertThat(bob)
                .containsSubsequence(
                        "AUTHENTICATE WRONG_PASSWORD",
                        "AUTHENTICATE WRONG_PASSWORD",
                        "ACCOUNT_LOCKED LOCKED",
                        "AUTHENTICATE WRONG_PASSWORD",
                        "AUTHENTICATE LOCKED");
        assertThat(printed)
                .contains(
                        "attempt 1, wrong password: REJECTED",
                        "attempt 2, wrong password: REJECTED",
                        "attempt 3, wrong password (the account locks): REJECTED",
                        "with the right password, while locked: REJECTED",
                        "ACCOUNT_LOCKED in the audit trail");
    }

    @Test
    void the_demo_runs_with_a_configured_live_directory_wired_in(@TempDir Path dir) throws Exception {
        try (LiveDirectory live = new LiveDirectory(dir)) {
            // The story's own users are local: the directory must not claim alice for the story to end as it says.
            live.server.delete("uid=alice,dc=example,dc=com");

            Cli.Result demo = live.cli().commands(DemoMain.COMMANDS).run("demo");

            assertThat(demo.exit()).as(demo.toString()).isZero();
            assertThat(demo.out())
                    .contains("Live directory providers, consulted after corp-ldap: corp.")
                    .contains("The end.");
            assertThat(demo.all()).doesNotContain(LiveDirectory.SERVICE_PASSWORD);
        }
    }
}
