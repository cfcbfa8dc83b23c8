package dev.locksmith.cli;

import static dev.locksmith.cli.Cli.ADMIN_PASSWORD;
import static dev.locksmith.cli.Cli.ALICE_PASSWORD;
import static dev.locksmith.cli.CommandLineTest.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The command line as an operator meets it: two commands on one store, errors that say what to do, no
 * store created by accident, provider names checked, usage errors alike, and init refusing early.
 */
class OperatorTest extends FromTemplateStore {
    OperatorTest() {
        super(cli -> cli.init().create("alice", ALICE_PASSWORD));
    }

    private static Cli.Result usage(Cli.Result result) {
        assertThat(result.exit()).as(result.toString()).isEqualTo(ExitCode.USAGE.code());
        ExitCodesTest.noStackTrace(result);
        return result;
    }

    // 1. Two commands on one embedded store.

    @Test
    void two_commands_started_together_on_one_store_both_succeed() throws Exception {
        String data = dir.resolve("data").toString();
        try (ChildCli first = ChildCli.start(dir, "--data", data, "search", "--as", "admin");
                ChildCli second = ChildCli.start(dir, "--data", data, "search", "--as", "admin")) {
            Cli.Result one = first.finish();
            Cli.Result two = second.finish();

            assertThat(one.exit()).as(one.toString()).isZero();
            assertThat(two.exit()).as(two.toString()).isZero();
            assertThat(one.out()).contains("Full view (administrator), 2 user(s):");
            assertThat(two.out()).contains("Full view (administrator), 2 user(s):");
        }
    }

    @Test
    void a_command_waits_for_another_process_on_the_store_and_says_so_plainly_when_it_waits_too_long()
            throws Exception {
        String data = dir.resolve("data").toString();
        // passwd opens the store, then waits for its passwords on standard input: the store stays in use.
        try (ChildCli holder = ChildCli.start(dir, "--data", data, "passwd", "--as", "alice", "--password-stdin")) {
            Cli.Result impatient = awaitInUse(cli);
            assertThat(impatient.exit()).isEqualTo(ExitCode.UNAVAILABLE.code());
            assertThat(impatient.err())
                    .contains("is in use by another process")
                    .contains(dir.resolve("data").toString())
                    .doesNotContain("\tat ");

            CompletableFuture<Cli.Result> patient =
                    CompletableFuture.supplyAsync(() -> new Cli(dir.resolve("data")).run("search", "--as", "admin"));
            Thread.sleep(500);
            holder.input(ALICE_PASSWORD + "\nviolet lanterns drift east\n");
            Cli.Result changed = holder.finish();
            assertThat(changed.exit()).as(changed.toString()).isZero();
            assertThat(changed.out()).contains("Password of alice changed.");
            Cli.Result waited = patient.get();
            assertThat(waited.exit()).as(waited.toString()).isZero();
            assertThat(waited.out()).contains("Full view (administrator), 2 user(s):");
        }
    }

    /** Runs a command that waits only briefly, until the child has opened the store and it reports so. */
    private static Cli.Result awaitInUse(Cli cli) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Cli.Result result;
        do {
            result = cli.lockWait(Duration.ofMillis(200)).run("search", "--as", "admin");
            if (result.exit() != 0) {
                return result;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("the child never held the store: " + result);
    }

    // 2. Database errors a person can act on.

    @Test
    void a_database_server_that_is_not_running_is_named_by_host_and_port_never_with_the_password() {
        Cli.Result down = new Cli(dir.resolve("unused"))
                .variable(Environment.JDBC_PASSWORD_VARIABLE, "db secret 99")
                .with(
                        "--jdbc-url",
                        "jdbc:postgresql://127.0.0.1:1/locksmith?password=url%20secret",
                        "--jdbc-user",
                        "ops")
                .run("search", "--as", "admin");

        assertThat(down.exit()).as(down.toString()).isEqualTo(ExitCode.UNAVAILABLE.code());
        assertThat(down.err()).contains("the database server at 127.0.0.1:1 cannot be reached", "(SQLState 08001)");
        assertThat(down.all()).doesNotContain("db secret 99", "url%20secret", "url secret", "jdbc:postgresql");
        ExitCodesTest.noStackTrace(down);
    }

    @Test
    void an_unsupported_database_url_is_a_usage_error_that_does_not_echo_the_url() {
        Cli.Result mysql = usage(new Cli(dir.resolve("unused"))
                .with("--jdbc-url", "jdbc:mysql://db.example:3306/app?user=root&password=hunter2")
                .run("search", "--as", "admin"));

        assertThat(mysql.err()).contains("--jdbc-url: unsupported database 'mysql'", "PostgreSQL");
        assertThat(mysql.all()).doesNotContain("hunter2", "db.example");
    }

    @Test
    void a_damaged_store_file_is_named_as_such() throws Exception {
        Path file = dir.resolve("data").resolve(Wiring.H2_FILE + ".mv.db");
        Files.write(
                file,
                "this is not an H2 database, just some text in its place"
                        .repeat(100)
                        .getBytes());

        Cli.Result damaged = cli.run("search", "--as", "admin");

        assertThat(damaged.exit()).as(damaged.toString()).isEqualTo(ExitCode.UNAVAILABLE.code());
        assertThat(damaged.err())
                .contains(file + " is not a Locksmith store or is damaged")
                .containsPattern("SQLState 9\\d{4}");
        ExitCodesTest.noStackTrace(damaged);
    }

    // 3. Only init (and the demo jar's demo) create a store.

    @Test
    void a_command_on_a_folder_without_a_store_is_refused_and_creates_nothing() {
        Path typo = dir.resolve("dta");
        for (String[] command : List.of(
                new String[] {"search", "--as", "admin"},
                new String[] {"policy", "show", "--as", "admin"},
                new String[] {"audit", "--as", "admin"})) {
            Cli.Result refused = usage(new Cli(typo).run(command));
            assertThat(refused.err())
                    .contains("--data: no Locksmith store in " + typo.toAbsolutePath(), "locksmith init");
        }
        Cli.Result login = usage(new Cli(typo).input("whatever it is\n", "login", "admin", "--password-stdin"));
        assertThat(login.out()).isEmpty();
        assertThat(typo).doesNotExist();

        ok(new Cli(typo).input(ADMIN_PASSWORD + "\n", "init", "--admin", "admin", "--password-stdin"));
        assertThat(ok(new Cli(typo).run("search", "--as", "admin")).out()).contains("1 user(s)");
    }

    // 4. Provider names.

    /** {@code user register-provider --as admin dave --provider PROVIDER OPTIONS}. */
    private static Cli.Result registerDave(Cli cli, String provider, String... options) {
        List<String> args =
                new ArrayList<>(List.of("user", "register-provider", "--as", "admin", "dave", "--provider", provider));
        args.addAll(List.of(options));
        return cli.run(args.toArray(String[]::new));
    }

    @Test
    void an_unknown_provider_name_is_refused_when_providers_are_configured() throws Exception {
        Path ldif = Files.writeString(dir.resolve("ad.ldif"), "dn: uid=dave,dc=corp\nuid: dave\n");
        Cli withAd = new Cli(dir.resolve("data")).with("--provider", "corp-ad:active-directory:" + ldif);

        Cli.Result typo = usage(registerDave(withAd, "corp-da"));

        assertThat(typo.err()).contains("--provider: no provider 'corp-da' is configured; configured: corp-ad");
        assertThat(ok(registerDave(withAd, "corp-ad")).out()).contains("dave of provider corp-ad: created.");
    }

    @Test
    void an_administrator_moves_a_provider_user_to_the_right_provider() throws Exception {
        ok(registerDave(cli, "corp-da", "--name", "Dave Brennan"));

        assertThat(ok(registerDave(cli, "corp-ad", "--name", "Dave Brennan")).out())
                .contains("dave of provider corp-ad: updated.");
        assertThat(CommandLineTest.cells(ok(cli.run("search", "--as", "admin", "dave")), "dave"))
                .contains("corp-ad");

        ok(cli.run("user", "edit", "--as", "admin", "dave", "--provider", "corp-ldap"));
        List<String> row = CommandLineTest.cells(ok(cli.run("search", "--as", "admin", "dave")), "dave");
        assertThat(row).contains("corp-ldap", "Dave Brennan");

        Cli.Result local = usage(cli.run("user", "edit", "--as", "admin", "alice", "--provider", "corp-ad"));
        assertThat(local.err()).contains("alice is a local user");
    }

    // 5. Usage errors alike.

    @Test
    void malformed_option_values_are_usage_errors_that_name_the_option() {
        List<String[]> commands = List.of(
                new String[] {"search", "--as", "admin", "--limit", "0"},
                new String[] {"audit", "--as", "admin", "--limit", "5000"},
                new String[] {"policy", "set", "--as", "admin", "--lockout-duration", "15"},
                new String[] {"policy", "set", "--as", "admin", "--preset", "fancy"},
                new String[] {"policy", "set", "--as", "admin", "--min-length", "3"},
                new String[] {"policy", "set", "--as", "admin", "--max-length", "5"},
                new String[] {"user", "grant", "--as", "admin", "alice", "superuser"},
                new String[] {"user", "edit", "--as", "admin", "alice", "--enable", "--disable"},
                new String[] {"search", "--as", "admin", "--limit", "many"});
        List<String> named = List.of(
                "--limit",
                "--limit",
                "--lockout-duration",
                "--preset",
                "--min-length",
                "--max-length",
                "permission",
                "--enable",
                "--limit");
        for (int i = 0; i < commands.size(); i++) {
            Cli.Result result = usage(cli.run(commands.get(i)));
            assertThat(result.err())
                    .as(result.toString())
                    .contains(named.get(i))
                    .contains("--help");
        }
        assertThat(cli.run("policy", "set", "--as", "admin", "--min-length", "200")
                        .err())
                .contains("--max-length: must not be below --min-length")
                .doesNotContain("maxLength");
    }

    @Test
    void a_mistyped_command_is_shown_with_a_suggestion_but_option_values_never_are() {
        Cli.Result typo = usage(cli.run("serch", "--as", "admin"));
        assertThat(typo.err()).contains("'serch' is not a command; did you mean 'search'?");

        Cli.Result demo = usage(cli.run("demo"));
        assertThat(demo.err()).contains("'demo' is the demo module's command: java -jar locksmith-demo.jar demo");

        Cli.Result sub = usage(cli.run("user", "creat", "--as", "admin", "bob"));
        assertThat(sub.err()).contains("'creat' is not a command; did you mean 'create'?");

        Cli.Result secret = usage(cli.run("search", "--as", "admin", "--password", "s3cret horse"));
        assertThat(secret.err()).contains("--password").doesNotContain("s3cret horse");
    }

    @Test
    void a_run_builds_only_the_command_it_names_and_every_command_otherwise() {
        Environment none = new Environment(
                java.io.InputStream.nullInputStream(), name -> null, java.util.Optional.empty(), Cli.FAST);
        LocksmithCommand command = new LocksmithCommand(none);
        assertThat(command.named(new String[] {"--data", "search", "search", "--as", "admin"}))
                .contains("search");
        assertThat(command.named(new String[] {"--data=x", "--debug", "user", "create"}))
                .contains("user");
        assertThat(command.named(new String[] {"unlock", "--as", "rep", "bob"})).contains("reset");
        assertThat(command.named(new String[] {"serch", "--as", "admin"})).isEmpty();
        assertThat(command.named(new String[] {"help", "search"})).isEmpty();
        assertThat(command.named(new String[] {"--help"})).isEmpty();

        assertThat(LocksmithCommand.commandLine(command, new String[] {"search", "--as", "admin"})
                        .getSubcommands())
                .containsOnlyKeys("search");
        assertThat(LocksmithCommand.commandLine(new LocksmithCommand(none), new String[] {"serch"})
                        .getSubcommands())
                .containsKeys("search", "user", "help", "unlock")
                .as("the demo is the demo module's")
                .doesNotContainKey("demo");
    }

    // 6. init on a store that has an administrator.

    @Test
    void init_on_a_store_with_an_administrator_refuses_before_asking_for_a_password() {
        List<String> prompts = new ArrayList<>();
        Cli.Result again = cli.terminal(prompt -> {
                    prompts.add(prompt);
                    return "another long passphrase".toCharArray();
                })
                .run("init", "--admin", "root");

        assertThat(again.exit()).as(again.toString()).isEqualTo(ExitCode.DENIED.code());
        assertThat(again.err())
                .startsWith("locksmith init: this store already has an administrator [DENIED_NOT_PERMITTED]");
        assertThat(prompts).isEmpty();
    }
}
