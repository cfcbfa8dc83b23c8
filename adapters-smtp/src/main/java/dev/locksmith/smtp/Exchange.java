package dev.locksmith.smtp;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;

/**
 * The state of one message's exchange with the relay, shared by the thread that talks to the relay and the
 * caller that waits for it: the sockets opened so far, and how far the exchange got. At the send deadline the
 * caller {@link #expire() expires} it: every socket is closed, no new one may open, and the message data may no
 * longer be completed, so what the caller answers (nothing sent, or outcome unknown) stays true. Thread-safe.
 */
final class Exchange {

    /** How far an exchange got. */
    enum Stage {
        /** Before the message data was complete: connecting, TLS, authentication, envelope, data. */
        BEFORE_DATA_END,
        /** The data was complete and its terminating "." on its way: the message may have been accepted. */
        DATA_SENT,
        /** The server accepted the message. */
        ACCEPTED
    }

    private final List<Socket> sockets = new ArrayList<>();
    private Stage stage = Stage.BEFORE_DATA_END;
    private boolean expired;

    /**
     * Adds a socket to close at the deadline.
     *
     * @throws SocketException (after closing it) when the deadline already passed
     */
    synchronized <S extends Socket> S register(S socket) throws SocketException {
        if (expired) {
            closeQuietly(socket);
            throw new SocketException("the send deadline passed");
        }
        sockets.add(socket);
        return socket;
    }

    /**
     * Records that the message data is complete and its terminating "." is about to be sent.
     *
     * @throws IOException when the deadline already passed: the "." must not go out any more
     */
    synchronized void dataComplete() throws IOException {
        if (expired) {
            throw new SocketException("the send deadline passed");
        }
        stage = Stage.DATA_SENT;
    }

    /** Records that the server accepted the message. */
    synchronized void accepted() {
        stage = Stage.ACCEPTED;
    }

    synchronized Stage stage() {
        return stage;
    }

    synchronized boolean expired() {
        return expired;
    }

    /** Ends the exchange: closes every socket and refuses new ones. Returns the stage it reached. */
    synchronized Stage expire() {
        expired = true;
        for (Socket socket : sockets) {
            closeQuietly(socket);
        }
        return stage;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException | RuntimeException e) {
            // Closing is how the exchange is cut off; a socket that fails to close is already unusable.
        }
    }
}
