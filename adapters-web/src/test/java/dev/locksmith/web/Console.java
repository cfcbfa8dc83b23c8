package dev.locksmith.web;

import dev.locksmith.core.testing.LocksmithFixture;
import java.net.InetAddress;
import java.net.URI;
import java.util.function.UnaryOperator;

/** A console on a real embedded Jetty on the loopback address, over core's in-memory fakes. */
final class Console implements AutoCloseable {
    final LocksmithFixture fixture;
    final WebServer server;

    private Console(LocksmithFixture fixture, WebServer server) {
        this.fixture = fixture;
        this.server = server;
    }

    /** A console whose settings use the fixture's clock and point reset links at the server. */
    static Console start(LocksmithFixture fixture) {
        return start(fixture, b -> b);
    }

    static Console start(LocksmithFixture fixture, UnaryOperator<ConsoleSettings.Builder> customize) {
        WebServer server = WebServer.start(
                fixture.locksmith(),
                InetAddress.getLoopbackAddress(),
                0,
                address -> customize
                        .apply(ConsoleSettings.builder().clock(fixture.clock()).publicAddress(address))
                        .build());
        return new Console(fixture, server);
    }

    URI address() {
        return server.address();
    }

    @Override
    public void close() {
        server.close();
    }
}
