package dev.locksmith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --ldap NAME:FILE} and {@code provider test}, against a {@link LiveDirectory}: UnboundID's in-memory
 * directory over ldaps with a certificate from a CA made by openssl for this run.
 */
class LdapProviderTest {
    private static final String SERVICE_DN = LiveDirectory.SERVICE_DN;
    private static final String SERVICE_PASSWORD = LiveDirectory.SERVICE_PASSWORD;

    @TempDir
    Path dir;

    LiveDirectory live;
    InMemoryDirectoryServer directory;
    Path config;
    Cli cli;

    @BeforeEach
    void world() throws Exception {
        live = new LiveDirectory(dir);
        directory = live.server;
        config = live.config;
        cli = live.cli();
    }

    @AfterEach
    void stop() {
        live.close();
    }

    @Test
    void provider_test_connects_binds_and_finds_the_user_without_printing_a_password() {
        Cli.Result found = cli.run("provider", "test", "corp", "Alice");
        Cli.Result bare = cli.run("provider", "test", "corp");

        assertThat(found.exit()).as(found.toString()).isZero();
        assertThat(found.out())
                .contains("provider corp: connected to ")
                .contains(":" + directory.getListenPort())
                .contains("bound as " + SERVICE_DN)
                .contains("alice: found uid=alice,dc=example,dc=com");
        assertThat(bare.exit()).as(bare.toString()).isZero();
        assertThat(found.all() + bare.all()).doesNotContain(SERVICE_PASSWORD);
    }

    @Test
    void provider_test_of_an_unknown_user_is_not_found() {
        Cli.Result result = cli.run("provider", "test", "corp", "mallory");

        assertThat(result.exit()).as(result.toString()).isEqualTo(ExitCode.NOT_FOUND.code());
        assertThat(result.out()).contains("mallory: no entry under dc=example,dc=com matches (uid={0})");
    }

    @Test
    void provider_test_of_a_directory_down_says_so_with_the_unavailable_code() {
        directory.shutDown(true);

        Cli.Result result = cli.run("provider", "test", "corp", "alice");

        assertThat(result.exit()).as(result.toString()).isEqualTo(ExitCode.UNAVAILABLE.code());
        assertThat(result.err()).contains("PROVIDER_UNREACHABLE").doesNotContain(SERVICE_PASSWORD);
    }

    @Test
    void a_wrong_service_password_is_reported_and_never_printed() {
        Cli.Result result = new Cli(dir.resolve("data"))
                .with("--ldap", "corp:" + config)
                .variable("LOCKSMITH_LDAP_PASSWORD", "wrong-secret-9")
                .run("provider", "test", "corp");

        assertThat(result.exit()).as(result.toString()).isEqualTo(ExitCode.UNAVAILABLE.code());
        assertThat(result.all()).doesNotContain("wrong-secret-9");
    }

    @Test
    void bad_provider_configuration_is_invalid_input_naming_the_key() throws Exception {
        Path typo =
                Files.writeString(dir.resolve("typo.properties"), Files.readString(config) + "usr-filter = (cn={0})\n");
        List<Cli.Result> results = new ArrayList<>();
        results.add(new Cli(dir.resolve("data")).with("--ldap", "corp:" + typo).run("provider", "test", "corp"));
        results.add(new Cli(dir.resolve("data")).with("--ldap", "corp").run("provider", "test", "corp"));
        results.add(new Cli(dir.resolve("data"))
                .with("--ldap", "corp:" + dir.resolve("absent"))
                .run("provider", "test", "corp"));
        results.add(cli.run("provider", "test", "other"));
        results.add(
                new Cli(dir.resolve("data")).with("--ldap", "corp:" + config).run("provider", "test", "corp"));

        for (Cli.Result result : results) {
            assertThat(result.exit()).as(result.toString()).isEqualTo(ExitCode.USAGE.code());
        }
        assertThat(results.get(0).err()).contains("unknown key(s) [usr-filter]");
        assertThat(results.get(4).err()).as("the variable is unset").contains("LOCKSMITH_LDAP_PASSWORD");
    }

    @Test
    void a_directory_user_is_provider_managed_and_a_directory_down_refuses_rather_than_guessing() {
        Cli.Result init = cli.input("amber lighthouse keeps watch\n", "init", "--admin", "admin", "--password-stdin");
        assertThat(init.exit()).as(init.toString()).isZero();
        Cli.Result create =
                cli.input("forgotten long ago\n", "user", "create", "--as", "admin", "alice", "--password-stdin");
        Cli.Result set =
                cli.input("violet lanterns drift east\n", "set-password", "--as", "admin", "alice", "--password-stdin");
        directory.shutDown(true);
        Cli.Result down =
                cli.input("violet lanterns drift east\n", "set-password", "--as", "admin", "alice", "--password-stdin");

        assertThat(create.exit()).as(create.toString()).isZero();
        assertThat(set.exit()).as(set.toString()).isEqualTo(ExitCode.DENIED.code());
        assertThat(set.err()).contains("DENIED_TARGET_MANAGED_BY_PROVIDER");
        assertThat(down.exit()).as(down.toString()).isEqualTo(ExitCode.UNAVAILABLE.code());
        assertThat(down.err()).contains("PROVIDER_UNREACHABLE");
    }

    @Test
    void a_directory_user_logs_in_with_the_directory_password_by_bind() {
        Cli.Result init = cli.input("amber lighthouse keeps watch\n", "init", "--admin", "admin", "--password-stdin");
        assertThat(init.exit()).as(init.toString()).isZero();

        Cli.Result right = cli.input("alice-directory-password\n", "login", "alice", "--password-stdin");
        Cli.Result wrong = cli.input("not-her-password\n", "login", "alice", "--password-stdin");
        directory.shutDown(true);
        Cli.Result down = cli.input("alice-directory-password\n", "login", "alice", "--password-stdin");

        assertThat(right.exit()).as(right.toString()).isZero();
        assertThat(wrong.exit()).as(wrong.toString()).isEqualTo(ExitCode.LOGIN_FAILED.code());
        assertThat(down.exit()).as(down.toString()).isEqualTo(ExitCode.LOGIN_FAILED.code());
        assertThat(right.out()).contains("AUTHENTICATED").contains("checked by corp");
        assertThat(wrong.out()).contains("REJECTED");
        assertThat(down.out()).as("an outage is not a wrong password").contains("PROVIDER_UNAVAILABLE");
    }
}
