package dev.locksmith.cli;

import static dev.locksmith.cli.Cli.ALICE_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code locksmith serve} end to end: the console on embedded Jetty over the embedded H2 store, mail through a
 * real SMTP server on loopback (GreenMail): a representative emails a password and a reset link, and the link
 * sets a new password once.
 */
class ServeTest {
    private static final Pattern ADDRESS = Pattern.compile("Locksmith console at (http://127\\.0\\.0\\.1:\\d+/)");
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final Pattern COOKIE = Pattern.compile("locksmith_session=([^;]*)");

    @TempDir
    Path dir;

    GreenMail smtp;
    Cli cli;
    Thread serving;
    StringWriter out = new StringWriter();

    @BeforeEach
    void world() throws Exception {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        Path config = MailTest.localRelay(
                dir.resolve("mail.properties"), smtp.getSmtp().getPort(), "");
        cli = new Cli(dir.resolve("data")).with("--mail-config", config.toString());
        cli.init()
                .createRep()
                .create("alice", ALICE_PASSWORD, "--name", "Alice Liddell", "--email", "alice@example.com");
    }

    @AfterEach
    void stop() throws Exception {
        if (serving != null) {
            serving.interrupt();
            serving.join(30_000);
        }
        smtp.stop();
    }

    private URI serve() throws Exception {
        Environment environment =
                new Environment(new ByteArrayInputStream(new byte[0]), name -> null, Optional.empty(), Cli.FAST);
        CommandLine line = LocksmithCommand.commandLine(new LocksmithCommand(environment));
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(new StringWriter(), true));
        serving = new Thread(
                () -> line.execute(
                        "--data",
                        dir.resolve("data").toString(),
                        "--mail-config",
                        dir.resolve("mail.properties").toString(),
                        "serve",
                        "--port",
                        "0"),
                "serve");
        serving.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            Matcher m = ADDRESS.matcher(out.toString());
            if (m.find()) {
                return URI.create(m.group(1));
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the console did not start: " + out);
    }

    /** A browser session: cookie kept, redirects not followed. */
    private static final class Browser {
        final HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        final URI base;
        String cookie;
        String page = "";

        Browser(URI base) {
            this.base = base;
        }

        HttpResponse<String> get(String path) throws Exception {
            return send(HttpRequest.newBuilder(base.resolve(path)).GET());
        }

        HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
            Map<String, String> all = new LinkedHashMap<>(form);
            Matcher m = CSRF.matcher(page);
            assertThat(m.find()).as("a CSRF token on the page").isTrue();
            all.put("csrf", m.group(1));
            String body = all.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return send(HttpRequest.newBuilder(base.resolve(path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        /** Opens a reset link's page and sets {@code password} through it, typed twice. */
        HttpResponse<String> redeem(String token, String password) throws Exception {
            get("reset?token=" + token);
            return post("reset", Map.of("token", token, "newPassword", password, "confirmPassword", password));
        }

        private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
            if (cookie != null) {
                request.header("Cookie", "locksmith_session=" + cookie);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (String header : response.headers().allValues("Set-Cookie")) {
                Matcher m = COOKIE.matcher(header);
                if (m.find()) {
                    cookie = m.group(1);
                }
            }
            page = response.body();
            return response;
        }
    }

    @Test
    void the_console_serves_the_store_and_mails_through_the_configured_relay() throws Exception {
        URI address = serve();
        Browser rep = new Browser(address);
        rep.get("login");
        assertThat(rep.post("login", Map.of("username", "rep", "password", "quiet harbor at dawn"))
                        .statusCode())
                .isEqualTo(303);
        assertThat(rep.get("users?q=alice").body()).contains("Alice Liddell").contains("Limited view");

        rep.get("users/password?u=alice");
        assertThat(rep.page).contains("Email password to user").contains("Email a reset link");
        HttpResponse<String> set = rep.post(
                "users/password",
                Map.of(
                        "u",
                        "alice",
                        "newPassword",
                        "violet lanterns drift east",
                        "confirmPassword",
                        "violet lanterns drift east",
                        "emailPassword",
                        "on",
                        "action",
                        "set"));
        assertThat(set.statusCode()).isEqualTo(303);
        assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
        MimeMessage emailed = smtp.getReceivedMessages()[0];
        assertThat(((String) emailed.getContent())).contains("violet lanterns drift east");

        rep.get("users/password?u=alice");
        assertThat(rep.post("users/reset-link", Map.of("u", "alice")).statusCode())
                .isEqualTo(303);
        assertThat(smtp.waitForIncomingEmail(10_000, 2)).isTrue();
        MimeMessage reset = smtp.getReceivedMessages()[1];
        assertThat(reset.getSubject()).isEqualTo("Reset your password");
        Matcher link = Pattern.compile(Pattern.quote(address.toString()) + "reset\\?token=([A-Za-z0-9_-]{43})")
                .matcher((String) reset.getContent());
        assertThat(link.find()).isTrue();

        Browser alice = new Browser(address);
        HttpResponse<String> redeemed = alice.redeem(link.group(1), "copper kettles hum at dawn");
        assertThat(redeemed.body()).contains("Your password was changed.");
        HttpResponse<String> again = alice.redeem(link.group(1), "another copper kettle hums");
        assertThat(again.body()).contains("This reset link is invalid, already used or expired.");

        alice.get("login");
        HttpResponse<String> signedIn =
                alice.post("login", Map.of("username", "alice", "password", "copper kettles hum at dawn"));
        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(signedIn.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/account"));
    }
}
