package dev.locksmith.cli;

import static dev.locksmith.cli.Cli.ALICE_PASSWORD;
import static dev.locksmith.cli.CommandLineTest.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mail settings from a properties file, against a real SMTP server on loopback (GreenMail). */
class MailTest {
    @TempDir
    Path dir;

    GreenMail smtp;
    Cli cli;

    @BeforeEach
    void world() throws Exception {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        cli = new Cli(dir.resolve("data"))
                .with(
                        "--mail-config",
                        config("mail.properties", smtp.getSmtp().getPort(), "").toString());
        cli.init()
                .createRep()
                .create("alice", ALICE_PASSWORD, "--name", "Alice Liddell", "--email", "alice@example.com");
    }

    @AfterEach
    void stop() {
        smtp.stop();
    }

    private Path config(String name, int port, String extra) throws Exception {
        return localRelay(dir.resolve(name), port, extra);
    }

    /** Mail settings for a relay on this machine at {@code port} (plain SMTP), and {@code extra} lines. */
    static Path localRelay(Path file, int port, String extra) throws Exception {
        return Files.writeString(file, """
                # the appliance's email settings
                from = locksmith@appliance.example
                from-name = Appliance
                host = 127.0.0.1
                port = %d
                encryption = NONE
                plaintext-trusted-local-relay = true
                login-url = https://appliance.example/login
                timeout-seconds = 5
                %s
                """.formatted(port, extra));
    }

    private static String body(MimeMessage message) throws Exception {
        return ((String) message.getContent()).replace("\r\n", "\n");
    }

    private static String passwordIn(String body) {
        return body.lines()
                .filter(l -> l.startsWith("New password: "))
                .map(l -> l.substring(14))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void mail_test_sends_a_test_message_and_touches_no_account() throws Exception {
        Cli.Result audit = ok(cli.run("audit", "--as", "admin", "--json"));

        Cli.Result sent = ok(cli.run("mail", "test", "--to", "ops@example.com"));

        assertThat(sent.out())
                .contains("Test message sent to ops@example.com through 127.0.0.1:"
                        + smtp.getSmtp().getPort());
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(smtp.getReceivedMessages()[0].getAllRecipients()[0].toString())
                .isEqualTo("ops@example.com");
        // Nothing was done to the store: the trail holds the same events plus the two audit reads.
        assertThat(ok(cli.run("audit", "--as", "admin", "--json", "--action", "SET_PASSWORD"))
                        .out())
                .contains("\"events\":[]");
        assertThat(audit.out()).doesNotContain("ops@example.com");
    }

    @Test
    void mail_test_without_mail_settings_or_with_an_unreachable_relay_exits_7() throws Exception {
        Cli.Result off = new Cli(dir.resolve("data")).run("mail", "test", "--to", "ops@example.com");
        assertThat(off.exit()).as(off.toString()).isEqualTo(ExitCode.MAIL.code());
        assertThat(off.err()).contains("[MAIL_NOT_CONFIGURED]");

        Cli.Result bad = new Cli(dir.resolve("data"))
                .with("--mail-config", config("down.properties", 1, "").toString())
                .run("mail", "test", "--to", "ops@example.com");
        assertThat(bad.exit()).as(bad.toString()).isEqualTo(ExitCode.MAIL.code());
        assertThat(bad.err()).contains("[MAIL_DELIVERY_FAILED]");
        ExitCodesTest.noStackTrace(bad);
    }

    @Test
    void email_password_to_user_sends_it_and_forces_a_change() throws Exception {
        Cli.Result set = ok(cli.input(
                "violet lanterns drift east\n", "set-password", "--as", "rep", "alice", "--email", "--password-stdin"));

        assertThat(set.out())
                .contains("Emailed to the user.", "The user must change it at the next login; it expires at ");
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        MimeMessage message = smtp.getReceivedMessages()[0];
        assertThat(message.getSubject()).isEqualTo("Your new password");
        assertThat(message.getHeader("To")[0]).isEqualTo("Alice Liddell <alice@example.com>");
        assertThat(body(message))
                .contains(
                        "Username: alice\nNew password: violet lanterns drift east\n",
                        "Log in at: https://appliance.example/login");
        assertThat(ok(cli.input("violet lanterns drift east\n", "login", "alice", "--password-stdin"))
                        .out())
                .startsWith("MUST_CHANGE_PASSWORD");
    }

    @Test
    void a_generated_and_emailed_password_is_not_printed() throws Exception {
        Cli.Result set = ok(cli.run("set-password", "--as", "rep", "alice", "--generate", "--email"));

        String emailed = passwordIn(body(smtp.getReceivedMessages()[0]));
        assertThat(set.all()).doesNotContain(emailed).doesNotContain("Generated password");
        assertThat(ok(cli.input(emailed + "\n", "login", "alice", "--password-stdin"))
                        .out())
                .startsWith("MUST_CHANGE_PASSWORD");
    }

    @Test
    void the_form_offers_email_when_mail_is_configured() {
        assertThat(ok(cli.run("form", "--as", "rep", "alice")).out())
                .containsPattern("email password to user: +offered\\R");
    }

    @Test
    void a_failed_delivery_is_7_and_leaves_the_password_unchanged() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        Cli down = new Cli(dir.resolve("data"))
                .with("--mail-config", config("down.properties", closed, "").toString());

        Cli.Result set = down.input(
                "violet lanterns drift east\n", "set-password", "--as", "rep", "alice", "--email", "--password-stdin");

        assertThat(set.exit()).as(set.toString()).isEqualTo(ExitCode.MAIL.code());
        assertThat(set.err()).contains("[MAIL_DELIVERY_FAILED]", "connection failed");
        ExitCodesTest.noStackTrace(set);
        assertThat(ok(cli.input("forgotten long ago\n", "login", "alice", "--password-stdin"))
                        .out())
                .startsWith("AUTHENTICATED");
    }

    @Test
    void notices_of_changed_passwords_are_sent_when_the_config_asks() throws Exception {
        Cli notifying = new Cli(dir.resolve("data"))
                .with(
                        "--mail-config",
                        config("notify.properties", smtp.getSmtp().getPort(), "notify-password-changes = true")
                                .toString());

        ok(notifying.input("violet lanterns drift east\n", "set-password", "--as", "rep", "alice", "--password-stdin"));

        assertThat(smtp.waitForIncomingEmail(5_000, 1)).isTrue();
        MimeMessage notice = smtp.getReceivedMessages()[0];
        assertThat(notice.getSubject()).isEqualTo("Your password was changed");
        assertThat(body(notice)).doesNotContain("violet lanterns drift east");
    }

    @Test
    void a_bad_mail_config_is_invalid_input() throws Exception {
        int port = smtp.getSmtp().getPort();
        assertThat(new Cli(dir.resolve("data"))
                        .with(
                                "--mail-config",
                                config("typo.properties", port, "encrytion = SMTPS")
                                        .toString())
                        .run("search", "--as", "rep")
                        .err())
                .contains("unknown key(s) [encrytion]");
        Path incomplete = Files.writeString(dir.resolve("incomplete.properties"), "host = 127.0.0.1\n");
        Cli.Result missing = new Cli(dir.resolve("data"))
                .with("--mail-config", incomplete.toString())
                .run("search", "--as", "rep");
        assertThat(missing.exit()).isEqualTo(ExitCode.USAGE.code());
        assertThat(missing.err()).contains("from is required");
        Cli.Result absent = new Cli(dir.resolve("data"))
                .with("--mail-config", dir.resolve("absent.properties").toString())
                .run("search", "--as", "rep");
        assertThat(absent.exit()).isEqualTo(ExitCode.USAGE.code());
        assertThat(absent.err()).contains("no such file");
        Cli.Result unset = new Cli(dir.resolve("data"))
                .with(
                        "--mail-config",
                        config("env.properties", port, "username = relay\npassword-env = RELAY_PASSWORD")
                                .toString())
                .run("search", "--as", "rep");
        assertThat(unset.exit()).isEqualTo(ExitCode.USAGE.code());
        assertThat(unset.err()).contains("RELAY_PASSWORD is not set");
    }

    @Test
    void an_unencrypted_relay_is_refused_unless_named_a_trusted_local_one() throws Exception {
        Path plaintext = Files.writeString(dir.resolve("plaintext.properties"), """
                from = locksmith@appliance.example
                host = 127.0.0.1
                port = %d
                encryption = NONE
                login-url = https://appliance.example/login
                """.formatted(
                        smtp.getSmtp().getPort()));

        Cli.Result refused = new Cli(dir.resolve("data"))
                .with("--mail-config", plaintext.toString())
                .input(
                        "violet lanterns drift east\n",
                        "set-password",
                        "--as",
                        "rep",
                        "alice",
                        "--email",
                        "--password-stdin");

        assertThat(refused.exit()).as(refused.toString()).isEqualTo(ExitCode.USAGE.code());
        assertThat(refused.err()).contains("clear text");
        assertThat(smtp.getReceivedMessages()).isEmpty();
        assertThat(ok(cli.input("forgotten long ago\n", "login", "alice", "--password-stdin"))
                        .out())
                .startsWith("AUTHENTICATED");
    }

    @Test
    void an_expired_trust_certificate_is_refused_unless_accepted() throws Exception {
        Path store = dir.resolve("expired.p12");
        Path pem = dir.resolve("expired.pem");
        keytool(
                store,
                "-genkeypair",
                "-alias",
                "relay",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=relay.example",
                "-startdate",
                "-10d",
                "-validity",
                "1",
                "-keypass",
                "changeit");
        keytool(store, "-exportcert", "-rfc", "-alias", "relay", "-file", pem.toString());
        String settings = """
                from = locksmith@appliance.example
                host = relay.example
                login-url = https://appliance.example/login
                trust-certificate = %s
                """.formatted(pem.getFileName());

        Path expired = Files.writeString(dir.resolve("expired.properties"), settings);
        Cli.Result refused = new Cli(dir.resolve("data"))
                .with("--mail-config", expired.toString())
                .run("search", "--as", "rep");
        assertThat(refused.exit()).as(refused.toString()).isEqualTo(ExitCode.USAGE.code());
        assertThat(refused.err()).contains("CN=relay.example expired at");

        Path accepted = Files.writeString(
                dir.resolve("accepted.properties"), settings + "accept-trusted-certificate-outside-validity = true\n");
        ok(new Cli(dir.resolve("data"))
                .with("--mail-config", accepted.toString())
                .run("search", "--as", "rep"));
    }

    /** Runs the JDK's keytool on {@code store}, a PKCS12 key store whose password is changeit. */
    private static void keytool(Path store, String... arguments) throws Exception {
        java.util.List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(java.util.List.of(arguments));
        command.addAll(
                java.util.List.of("-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", "changeit"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(output).isZero();
    }

    @Test
    void the_relay_password_comes_from_the_environment_and_is_never_printed() throws Exception {
        Cli relay = new Cli(dir.resolve("data"))
                .variable("RELAY_PASSWORD", "relay secret 123")
                .with(
                        "--mail-config",
                        config(
                                        "auth.properties",
                                        smtp.getSmtp().getPort(),
                                        "username = relay\npassword-env = RELAY_PASSWORD\nallow-plaintext-authentication = true")
                                .toString());
        smtp.setUser("relay", "relay", "relay secret 123");

        Cli.Result set = relay.input(
                "violet lanterns drift east\n", "set-password", "--as", "rep", "alice", "--email", "--password-stdin");

        assertThat(set.exit()).as(set.toString()).isZero();
        assertThat(set.all()).doesNotContain("relay secret 123");
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }
}
