package org.vertebra.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** A real SMTP server (GreenMail) on a port of its own, that a test may stop and start again. */
final class TestSmtp implements AutoCloseable {

    final int port;
    private GreenMail server;

    private TestSmtp(int port) {
        this.port = port;
    }

    /** A port nobody listens on yet; {@link #start} brings the server up on it. */
    static TestSmtp down() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return new TestSmtp(socket.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static TestSmtp up() {
        return down().start();
    }

    TestSmtp start() {
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return this;
    }

    void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    GreenMail server() {
        return server;
    }

    SmtpTransport transport() {
        return new SmtpTransport("127.0.0.1", port, "", "", "none", "Test Clinic <clinic@vertebra.test>");
    }

    @Override
    public void close() {
        stop();
    }
}
