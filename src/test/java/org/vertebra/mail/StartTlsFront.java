package org.vertebra.mail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * STARTTLS in front of GreenMail, whose SMTP server (2.1.13) offers SMTPS but not STARTTLS: it
 * greets, offers STARTTLS, refuses mail before it, upgrades the connection with the given key and
 * certificate, and from then on passes the encrypted session's commands to GreenMail's plain port,
 * so that the mail is taken by the real server. The upgrade is the front's only job.
 */
final class StartTlsFront implements AutoCloseable {

    private final ServerSocket listener;
    private final SSLContext tls;
    private final int backendPort;
    private final AtomicInteger upgraded = new AtomicInteger();

    StartTlsFront(TestCertificates.Issued certificate, int backendPort) {
        this.backendPort = backendPort;
        try {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(certificate.keyStore())) {
                keys.load(in, TestCertificates.PASSWORD.toCharArray());
            }
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(keys, TestCertificates.PASSWORD.toCharArray());
            tls = SSLContext.getInstance("TLS");
            tls.init(factory.getKeyManagers(), null, null);
            listener = new ServerSocket(0, 10, InetAddress.getByName("127.0.0.1"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        Thread acceptor = new Thread(this::accept, "starttls-front");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** How many connections completed the TLS handshake. */
    int upgraded() {
        return upgraded.get();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Thread session = new Thread(() -> serve(client), "starttls-session");
                session.setDaemon(true);
                session.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            reply(out, "220 front.test ESMTP");
            while (true) {
                String command = line(in);
                String verb = command == null ? "QUIT" : command.split(" ", 2)[0].toUpperCase(Locale.ROOT);
                switch (verb) {
                    case "EHLO" -> reply(out, "250-front.test\r\n250-8BITMIME\r\n250 STARTTLS");
                    case "HELO" -> reply(out, "250 front.test");
                    case "STARTTLS" -> {
                        reply(out, "220 2.0.0 Ready to start TLS");
                        relayEncrypted(client);
                        return;
                    }
                    case "QUIT" -> {
                        reply(out, "221 2.0.0 Bye");
                        return;
                    }
                    default -> reply(out, "530 5.7.0 Must issue a STARTTLS command first");
                }
            }
        } catch (IOException e) {
            // the client gave up, as it does on a certificate it does not trust
        }
    }

    private void relayEncrypted(Socket client) throws IOException {
        SSLSocket secure = (SSLSocket) tls.getSocketFactory().createSocket(client, "127.0.0.1", client.getPort(), true);
        secure.setUseClientMode(false);
        secure.startHandshake();
        upgraded.incrementAndGet();
        try (secure; Socket backend = new Socket("127.0.0.1", backendPort)) {
            line(backend.getInputStream()); // GreenMail's greeting: the client had the front's
            Thread up = new Thread(() -> copy(secure, backend), "starttls-up");
            up.setDaemon(true);
            up.start();
            copy(backend, secure);
        }
    }

    private static void copy(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
            to.shutdownOutput();
        } catch (IOException | UnsupportedOperationException e) {
            // one side closed: the session is over
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (b != '\r') {
                line.write(b);
            }
        }
        return b == -1 && line.size() == 0 ? null : line.toString(StandardCharsets.US_ASCII);
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            // closing a listener that is closed
        }
    }
}
