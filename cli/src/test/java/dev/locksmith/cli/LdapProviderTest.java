package dev.locksmith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.util.ssl.KeyStoreKeyManager;
import com.unboundid.util.ssl.SSLUtil;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --ldap NAME:FILE} and {@code provider test}, against UnboundID's in-memory directory over ldaps with a
 * certificate from a CA made by openssl for this run.
 */
class LdapProviderTest {
    private static final String SERVICE_DN = "cn=locksmith,dc=example,dc=com";
    private static final String SERVICE_PASSWORD = "service-secret-cli-1";

    @TempDir
    Path dir;

    InMemoryDirectoryServer directory;
    Path config;
    Cli cli;

    @BeforeEach
    void world() throws Exception {
        run(
                "openssl",
                "req",
                "-x509",
                "-newkey",
                "ec",
                "-pkeyopt",
                "ec_paramgen_curve:P-256",
                "-nodes",
                "-keyout",
                "ca.key",
                "-out",
                "ca.pem",
                "-days",
                "2",
                "-subj",
                "/CN=cli test CA",
                "-addext",
                "basicConstraints=critical,CA:TRUE",
                "-addext",
                "keyUsage=critical,keyCertSign");
        Files.writeString(
                dir.resolve("ext"), "subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n");
        run(
                "openssl",
                "req",
                "-newkey",
                "ec",
                "-pkeyopt",
                "ec_paramgen_curve:P-256",
                "-nodes",
                "-keyout",
                "server.key",
                "-out",
                "server.csr",
                "-subj",
                "/CN=localhost");
        run(
                "openssl",
                "x509",
                "-req",
                "-in",
                "server.csr",
                "-CA",
                "ca.pem",
                "-CAkey",
                "ca.key",
                "-CAcreateserial",
                "-out",
                "server.pem",
                "-days",
                "2",
                "-extfile",
                "ext");
        run(
                "openssl",
                "pkcs12",
                "-export",
                "-inkey",
                "server.key",
                "-in",
                "server.pem",
                "-name",
                "server",
                "-out",
                "server.p12",
                "-passout",
                "pass:changeit");
        InMemoryDirectoryServerConfig settings = new InMemoryDirectoryServerConfig("dc=example,dc=com");
        SSLUtil tls = new SSLUtil(
                new KeyStoreKeyManager(
                        dir.resolve("server.p12").toFile(), "changeit".toCharArray(), "PKCS12", "server"),
                null);
        settings.setListenerConfigs(InMemoryListenerConfig.createLDAPSConfig(
                "ldaps", InetAddress.getLoopbackAddress(), 0, tls.createSSLServerSocketFactory(), null));
        directory = new InMemoryDirectoryServer(settings);
        directory.add(new Entry(
                "dc=example,dc=com", new Attribute("objectClass", "top", "domain"), new Attribute("dc", "example")));
        directory.add(new Entry(
                SERVICE_DN,
                new Attribute("objectClass", "top", "person"),
                new Attribute("cn", "locksmith"),
                new Attribute("sn", "service"),
                new Attribute("userPassword", SERVICE_PASSWORD)));
        directory.add(new Entry(
                "uid=alice,dc=example,dc=com",
                new Attribute("objectClass", "top", "inetOrgPerson"),
                new Attribute("uid", "alice"),
                new Attribute("cn", "Alice"),
                new Attribute("sn", "Liddell"),
                new Attribute("userPassword", "alice-directory-password")));
        directory.startListening();
        config =
                Files.writeString(dir.resolve("corp.properties"), """
                # the appliance's directory settings
                url = ldaps://localhost:%d
                bind-dn = %s
                bind-password-env = LOCKSMITH_LDAP_PASSWORD
                base-dn = dc=example,dc=com
                user-filter = (uid={0})
                trust-store = ca.pem
                connect-timeout = 2s
                response-timeout = 2s
                """.formatted(directory.getListenPort(), SERVICE_DN));
        cli = new Cli(dir.resolve("data"))
                .with("--ldap", "corp:" + config)
                .variable("LOCKSMITH_LDAP_PASSWORD", SERVICE_PASSWORD);
    }

    @AfterEach
    void stop() {
        directory.shutDown(true);
    }

    private void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("openssl.out").toFile())
                .start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue())
                .as(Files.readString(dir.resolve("openssl.out")))
                .isZero();
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
    void the_demo_runs_with_a_configured_live_directory_wired_in() throws Exception {
        // The story's own users are local: the directory must not claim alice for the story to end as it says.
        directory.delete("uid=alice,dc=example,dc=com");

        Cli.Result demo = cli.run("demo");

        assertThat(demo.exit()).as(demo.toString()).isZero();
        assertThat(demo.out())
                .contains("Live directory providers, consulted after corp-ldap: corp.")
                .contains("The end.");
        assertThat(demo.all()).doesNotContain(SERVICE_PASSWORD);
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
