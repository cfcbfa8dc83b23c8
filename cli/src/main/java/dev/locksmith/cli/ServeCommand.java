package dev.locksmith.cli;

import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.smtp.SmtpMailer;
import dev.locksmith.smtp.SmtpSettings;
import dev.locksmith.web.ConsoleSettings;
import dev.locksmith.web.WebServer;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code locksmith serve}: the web console on embedded Jetty, over the same store, mail and providers as every
 * other command. Loopback by default; runs until the process is stopped.
 */
@Command(
        name = "serve",
        description = "Run the web console (the Users pages) on embedded Jetty, over the same "
                + "store, mail settings and providers as the other commands, until stopped (Ctrl+C). Listens on the loopback "
                + "address unless --host says otherwise; plain HTTP, so put a TLS proxy in front before exposing it.")
final class ServeCommand extends StoreCommand {
    @Option(
            names = "--host",
            paramLabel = "ADDRESS",
            defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, the loopback address).")
    String host;

    @Option(
            names = "--port",
            paramLabel = "PORT",
            defaultValue = "" + WebServer.DEFAULT_PORT,
            description = "Port to listen on, 0 for any free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(
            names = "--public-url",
            paramLabel = "URL",
            description = "The address browsers use to reach the console (behind a proxy, say); reset links point "
                    + "there. Default: the address it listens on.")
    String publicUrl;

    @Override
    void check() {
        if (port < 0 || port > 65535) {
            throw new InvalidInputException("--port", "must be from 0 to 65535");
        }
        publicAddress();
    }

    @Override
    int run(Session session) {
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new InvalidInputException("--host", "is not an address of this machine");
        }
        Optional<SmtpSettings> mail = root().mailConfig == null
                ? Optional.empty()
                : MailConfig.load(root().mailConfig, root().environment()::variable)
                        .settings();
        try (WebServer server = WebServer.start(
                session.locksmith(),
                address,
                port,
                listening -> consoleSettings(publicAddress() == null ? listening : publicAddress(), mail))) {
            if (!address.isLoopbackAddress()) {
                out().println("Warning: listening on " + host + " over plain HTTP; use a TLS proxy in front.");
            }
            out().println("Locksmith console at " + server.address() + " (Ctrl+C to stop)");
            out().flush();
            server.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ExitCode.OK.code();
    }

    private URI publicAddress() {
        if (publicUrl == null) {
            return null;
        }
        try {
            return ConsoleSettings.builder()
                    .publicAddress(new URI(publicUrl))
                    .build()
                    .publicAddress()
                    .orElseThrow();
        } catch (URISyntaxException | InvalidInputException e) {
            throw new InvalidInputException("--public-url", "must be an absolute http or https address without query");
        }
    }

    private static ConsoleSettings consoleSettings(URI address, Optional<SmtpSettings> smtp) {
        ConsoleSettings.Builder settings = ConsoleSettings.builder().publicAddress(address);
        if (smtp.isPresent()) {
            SmtpSettings mail = smtp.get();
            Map<String, String> shown = new LinkedHashMap<>();
            shown.put("Relay", mail.host() + ":" + mail.port());
            shown.put("Encryption", mail.encryption().name());
            shown.put(
                    "From",
                    mail.fromAddress().value() + (mail.fromName().isEmpty() ? "" : " (" + mail.fromName() + ")"));
            shown.put("Relay user", mail.username().orElse("none"));
            shown.put("Relay password", mail.hasPassword() ? "set (not shown)" : "none");
            shown.put("Login URL in messages", mail.loginUrl().toString());
            SmtpMailer tester = new SmtpMailer(mail);
            settings.mailSettings(shown).mailTester(tester::sendTestMessage);
        }
        return settings.build();
    }
}
