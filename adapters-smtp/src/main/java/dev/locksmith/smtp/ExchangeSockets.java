package dev.locksmith.smtp;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;

/**
 * The socket factories the mail library uses for one exchange: each socket they make or wrap is registered with
 * the {@link Exchange}, so the deadline can close it. The plain factory makes the TCP socket of SMTP and STARTTLS
 * connections; the TLS factory wraps a connected socket (SMTPS, STARTTLS) with the configured or the JDK's
 * default trust. One pair per exchange; thread-safe as the exchange is.
 */
final class ExchangeSockets {
    private ExchangeSockets() {}

    /** Unconnected plain sockets; the mail library connects them with its connect timeout. */
    static SocketFactory plain(Exchange exchange, int connectTimeoutMillis) {
        return new Plain(exchange, connectTimeoutMillis);
    }

    /** TLS layered over a registered socket, with {@code delegate}'s trust. */
    static SSLSocketFactory tls(Exchange exchange, SSLSocketFactory delegate) {
        return new Tls(exchange, delegate);
    }

    private static final class Plain extends SocketFactory {
        private final Exchange exchange;
        private final int connectTimeoutMillis;

        Plain(Exchange exchange, int connectTimeoutMillis) {
            this.exchange = exchange;
            this.connectTimeoutMillis = connectTimeoutMillis;
        }

        @Override
        public Socket createSocket() throws IOException {
            return exchange.register(new Socket());
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return connected(new InetSocketAddress(host, port), null);
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return connected(new InetSocketAddress(host, port), new InetSocketAddress(localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return connected(new InetSocketAddress(host, port), null);
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return connected(new InetSocketAddress(address, port), new InetSocketAddress(localAddress, localPort));
        }

        private Socket connected(InetSocketAddress remote, InetSocketAddress local) throws IOException {
            Socket socket = createSocket();
            if (local != null) {
                socket.bind(local);
            }
            socket.connect(remote, connectTimeoutMillis);
            return socket;
        }
    }

    private static final class Tls extends SSLSocketFactory {
        private final Exchange exchange;
        private final SSLSocketFactory delegate;

        Tls(Exchange exchange, SSLSocketFactory delegate) {
            this.exchange = exchange;
            this.delegate = delegate;
        }

        @Override
        public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
            // The plain socket underneath is the one to close at the deadline: closing it ends a blocked read or
            // handshake at once, where closing the TLS socket would first try to send a close alert.
            exchange.register(socket);
            return delegate.createSocket(socket, host, port, autoClose);
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return exchange.register(delegate.createSocket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return exchange.register(delegate.createSocket(host, port, localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return exchange.register(delegate.createSocket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return exchange.register(delegate.createSocket(address, port, localAddress, localPort));
        }

        @Override
        public String[] getDefaultCipherSuites() {
            return delegate.getDefaultCipherSuites();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return delegate.getSupportedCipherSuites();
        }
    }
}
