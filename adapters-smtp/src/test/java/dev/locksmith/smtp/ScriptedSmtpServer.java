package dev.locksmith.smtp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A small but real SMTP server on loopback, for what GreenMail 2.1 does not do: it offers STARTTLS (with the
 * {@link TestTls} certificate) and SMTPUTF8 when asked to, refuses chosen recipients with 550, and records
 * each accepted message with its envelope. It can also misbehave as relays do: drip its greeting one byte a
 * second (a tarpit), drop the connection once it has the message data, answer the data late, or refuse it.
 * One connection at a time; enough of RFC 5321 for Angus Mail.
 */
final class ScriptedSmtpServer implements AutoCloseable {

    /** One accepted message. */
    record Received(String mailFrom, List<String> rcptTo, byte[] data, boolean overTls, boolean authenticated) {}

    private final ServerSocket listener;
    private final Thread thread;
    private final boolean offerStartTls;
    private final boolean offerSmtpUtf8;
    private final String user;
    private final String password;
    private final Set<String> refusedRecipients;
    private final java.security.KeyStore serverKeyStore;
    private final boolean dripGreeting;
    private final boolean dripDataReply;
    private final boolean dropAfterData;
    private final long dataReplyDelayMillis;
    private final String dataReply;
    private volatile long dripEndedNanos;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile boolean closed;

    private ScriptedSmtpServer(Builder b) throws IOException {
        offerStartTls = b.offerStartTls;
        offerSmtpUtf8 = b.offerSmtpUtf8;
        user = b.user;
        password = b.password;
        refusedRecipients = Set.copyOf(b.refusedRecipients);
        serverKeyStore = b.serverKeyStore;
        dripGreeting = b.dripGreeting;
        dripDataReply = b.dripDataReply;
        dropAfterData = b.dropAfterData;
        dataReplyDelayMillis = b.dataReplyDelayMillis;
        dataReply = b.dataReply;
        listener = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        thread = new Thread(this::serve, "scripted-smtp-" + listener.getLocalPort());
        thread.setDaemon(true);
        thread.start();
    }

    static Builder builder() {
        return new Builder();
    }

    int port() {
        return listener.getLocalPort();
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    /** Every command line received, AUTH arguments replaced by "***". */
    List<String> commands() {
        return List.copyOf(commands);
    }

    int connections() {
        return connections.get();
    }

    /** Whether a dripped greeting ended because the client closed the connection. */
    boolean dripEnded() {
        return dripEndedNanos != 0;
    }

    @Override
    public void close() throws IOException {
        closed = true;
        listener.close();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void serve() {
        while (!closed) {
            try (Socket socket = listener.accept()) {
                connections.incrementAndGet();
                socket.setSoTimeout(10_000);
                new Conversation(socket).run();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                // A client that went away mid-conversation (the failure tests do this); serve the next one.
            }
        }
    }

    private final class Conversation {
        private Socket socket;
        private InputStream in;
        private OutputStream out;
        private boolean tls;
        private boolean authenticated;
        private String mailFrom;
        private final List<String> rcpts = new ArrayList<>();

        Conversation(Socket socket) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
        }

        void run() throws IOException {
            if (dripGreeting) {
                drip("220-");
                return;
            }
            reply("220 localhost ESMTP scripted");
            String line;
            while ((line = readLine()) != null) {
                String upper = line.toUpperCase(Locale.ROOT);
                commands.add(upper.startsWith("AUTH") ? "AUTH ***" : line);
                if (upper.startsWith("EHLO") || upper.startsWith("HELO")) {
                    ehlo();
                } else if (upper.equals("STARTTLS")) {
                    if (!offerStartTls || tls) {
                        reply("454 4.7.0 TLS not available");
                    } else {
                        reply("220 2.0.0 Ready to start TLS");
                        startTls();
                    }
                } else if (upper.startsWith("AUTH PLAIN")) {
                    String[] parts = line.split(" ");
                    String response = parts.length > 2 ? parts[2] : null;
                    if (response == null) {
                        reply("334 ");
                        response = readLine();
                    }
                    authenticate(response);
                } else if (upper.startsWith("MAIL FROM:")) {
                    if (user != null && !authenticated) {
                        reply("530 5.7.0 Authentication required");
                    } else {
                        mailFrom = line.substring("MAIL FROM:".length());
                        rcpts.clear();
                        reply("250 2.1.0 OK");
                    }
                } else if (upper.startsWith("RCPT TO:")) {
                    String address = between(line, '<', '>');
                    if (mailFrom == null) {
                        reply("503 5.5.1 MAIL first");
                    } else if (refusedRecipients.contains(address)) {
                        reply("550 5.1.1 <" + address + ">: Recipient address rejected");
                    } else {
                        rcpts.add(address);
                        reply("250 2.1.5 OK");
                    }
                } else if (upper.equals("DATA")) {
                    if (rcpts.isEmpty()) {
                        reply("503 5.5.1 RCPT first");
                    } else if (dripDataReply) {
                        drip("354-");
                        return;
                    } else {
                        reply("354 End data with <CR><LF>.<CR><LF>");
                        received.add(new Received(mailFrom, List.copyOf(rcpts), readData(), tls, authenticated));
                        mailFrom = null;
                        rcpts.clear();
                        if (dropAfterData) {
                            socket.close();
                            return;
                        }
                        pause(dataReplyDelayMillis);
                        reply(dataReply);
                    }
                } else if (upper.equals("RSET")) {
                    mailFrom = null;
                    rcpts.clear();
                    reply("250 2.0.0 OK");
                } else if (upper.equals("NOOP")) {
                    reply("250 2.0.0 OK");
                } else if (upper.equals("QUIT")) {
                    reply("221 2.0.0 Bye");
                    return;
                } else {
                    reply("502 5.5.2 Command not recognized");
                }
            }
        }

        /** A tarpit: an endless reply line, one byte a second, until the client goes away. */
        private void drip(String start) {
            try {
                out.write(start.getBytes(StandardCharsets.US_ASCII));
                out.flush();
                while (!closed) {
                    pause(1_000);
                    out.write('.');
                    out.flush();
                }
            } catch (IOException gone) {
                dripEndedNanos = System.nanoTime();
            }
        }

        private void pause(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void ehlo() throws IOException {
            List<String> lines = new ArrayList<>();
            lines.add("localhost greets you");
            lines.add("8BITMIME");
            if (offerStartTls && !tls) {
                lines.add("STARTTLS");
            }
            if (offerSmtpUtf8) {
                lines.add("SMTPUTF8");
            }
            if (user != null) {
                lines.add("AUTH PLAIN");
            }
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < lines.size(); i++) {
                text.append(i == lines.size() - 1 ? "250 " : "250-")
                        .append(lines.get(i))
                        .append("\r\n");
            }
            out.write(text.toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        private void startTls() throws IOException {
            SSLContext context =
                    serverKeyStore == null ? TestTls.serverContext() : TestTls.serverContext(serverKeyStore);
            SSLSocket secure = (SSLSocket) context.getSocketFactory()
                    .createSocket(socket, socket.getInetAddress().getHostAddress(), socket.getPort(), true);
            secure.setUseClientMode(false);
            secure.startHandshake();
            socket = secure;
            in = secure.getInputStream();
            out = secure.getOutputStream();
            tls = true;
            authenticated = false;
            mailFrom = null;
            rcpts.clear();
        }

        private void authenticate(String response) throws IOException {
            String[] fields;
            try {
                fields = new String(
                                Base64.getDecoder().decode(response == null ? "" : response), StandardCharsets.UTF_8)
                        .split("\0", -1);
            } catch (IllegalArgumentException e) {
                reply("501 5.5.2 Cannot decode response");
                return;
            }
            if (user != null && fields.length == 3 && fields[1].equals(user) && fields[2].equals(password)) {
                authenticated = true;
                reply("235 2.7.0 Authentication successful");
            } else {
                reply("535 5.7.8 Authentication credentials invalid");
            }
        }

        private byte[] readData() throws IOException {
            ByteArrayOutputStream data = new ByteArrayOutputStream();
            while (true) {
                byte[] line = readRawLine();
                if (line == null) {
                    throw new IOException("connection closed in DATA");
                }
                if (line.length == 1 && line[0] == '.') {
                    return data.toByteArray();
                }
                int from = line.length > 0 && line[0] == '.' ? 1 : 0;
                data.write(line, from, line.length - from);
                data.write('\r');
                data.write('\n');
            }
        }

        private String readLine() throws IOException {
            byte[] raw = readRawLine();
            return raw == null ? null : new String(raw, StandardCharsets.UTF_8);
        }

        /** A line without its CR LF, or null at end of stream. */
        private byte[] readRawLine() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) != -1) {
                if (b == '\n') {
                    byte[] bytes = line.toByteArray();
                    int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                    byte[] out = new byte[length];
                    System.arraycopy(bytes, 0, out, 0, length);
                    return out;
                }
                line.write(b);
            }
            return null;
        }

        private void reply(String text) throws IOException {
            out.write((text + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }

    private static String between(String line, char open, char close) {
        int start = line.indexOf(open);
        int end = line.indexOf(close, start + 1);
        return start < 0 || end < 0 ? "" : line.substring(start + 1, end);
    }

    static final class Builder {
        private boolean offerStartTls;
        private boolean offerSmtpUtf8;
        private String user;
        private String password;
        private Set<String> refusedRecipients = Set.of();
        private java.security.KeyStore serverKeyStore;
        private boolean dripGreeting;
        private boolean dripDataReply;
        private boolean dropAfterData;
        private long dataReplyDelayMillis;
        private String dataReply = "250 2.0.0 OK queued";

        /** Greets with an endless line, one byte a second (a tarpit): each read succeeds, none completes. */
        Builder dripGreeting() {
            dripGreeting = true;
            return this;
        }

        /** Presents this store's key entry after STARTTLS instead of the {@link TestTls} certificate. */
        Builder serverKeyStore(java.security.KeyStore store) {
            serverKeyStore = store;
            return this;
        }

        /** Answers DATA with an endless line, one byte a second (a tarpit after TLS and authentication). */
        Builder dripDataReply() {
            dripDataReply = true;
            return this;
        }

        /** Takes the whole message data, then closes the connection without a reply. */
        Builder dropAfterData() {
            dropAfterData = true;
            return this;
        }

        /** Waits this long before answering the message data. */
        Builder replyToDataAfter(java.time.Duration delay) {
            dataReplyDelayMillis = delay.toMillis();
            return this;
        }

        /** Answers the message data with this reply line (e.g. a 554 refusal) instead of 250. */
        Builder replyToData(String reply) {
            dataReply = reply;
            return this;
        }

        Builder offerStartTls() {
            offerStartTls = true;
            return this;
        }

        Builder offerSmtpUtf8() {
            offerSmtpUtf8 = true;
            return this;
        }

        Builder requireAuthentication(String user, String password) {
            this.user = user;
            this.password = password;
            return this;
        }

        Builder refuseRecipients(String... addresses) {
            refusedRecipients = Set.of(addresses);
            return this;
        }

        ScriptedSmtpServer start() throws IOException {
            return new ScriptedSmtpServer(this);
        }
    }
}
