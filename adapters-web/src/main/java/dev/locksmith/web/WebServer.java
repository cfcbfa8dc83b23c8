package dev.locksmith.web;

import dev.locksmith.core.Locksmith;
import dev.locksmith.core.domain.UnavailableException;
import java.net.InetAddress;
import java.net.URI;
import java.util.Objects;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The console on an embedded Jetty server, for running it on its own ({@code locksmith serve}). Plain HTTP:
 * bind it to the loopback address (the default) or put a TLS-terminating proxy in front. Start with
 * {@link #start}; {@link #close()} stops it. Thread-safe.
 */
public final class WebServer implements AutoCloseable {
    /** The port {@code locksmith serve} uses unless told otherwise. */
    public static final int DEFAULT_PORT = 8080;

    private final Server server;
    private final URI address;

    private WebServer(Server server, URI address) {
        this.server = server;
        this.address = address;
    }

    /**
     * Starts the console for {@code locksmith} on {@code host}:{@code port} (0 picks a free port), mounted at the
     * root. {@code settings} builds the console's settings once the address is known (so reset links can point
     * at it).
     *
     * @throws UnavailableException when the server cannot listen there
     */
    public static WebServer start(
            Locksmith locksmith,
            InetAddress host,
            int port,
            java.util.function.Function<URI, ConsoleSettings> settings) {
        Objects.requireNonNull(locksmith, "locksmith");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(settings, "settings");
        QueuedThreadPool threads = new QueuedThreadPool(32, 2);
        threads.setName("locksmith-web");
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(host.getHostAddress());
        connector.setPort(port);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        server.setHandler(context);
        try {
            connector.open();
            String hostText =
                    host.getHostAddress().contains(":") ? "[" + host.getHostAddress() + "]" : host.getHostAddress();
            URI address = URI.create("http://" + hostText + ":" + connector.getLocalPort() + "/");
            context.addServlet(
                    new ServletHolder("locksmith", new LocksmithConsole(locksmith, settings.apply(address))), "/*");
            server.start();
            return new WebServer(server, address);
        } catch (Exception e) {
            try {
                server.stop();
            } catch (Exception ignored) {
                // already failing
            }
            throw new UnavailableException(
                    "cannot listen on " + host.getHostAddress() + ":" + port + " ("
                            + e.getClass().getSimpleName() + ")",
                    null);
        }
    }

    /** Where the console answers, e.g. {@code http://127.0.0.1:8080/}. */
    public URI address() {
        return address;
    }

    /** Blocks until the server stops. */
    public void join() throws InterruptedException {
        server.join();
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("the web server did not stop cleanly", e);
        }
    }
}
