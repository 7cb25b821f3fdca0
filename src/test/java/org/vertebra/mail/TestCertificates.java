package org.vertebra.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Self-signed server certificates made for a test run with the JDK's own keytool (nothing checked
 * in, nothing that expires between runs): a PKCS#12 key store for the server and the certificate
 * as PEM, the form an administrator names in {@code smtp.trusted_cert}.
 */
final class TestCertificates {

    static final String PASSWORD = "changeit";

    /** One server's key and certificate. */
    record Issued(Path keyStore, Path pem) {
    }

    private TestCertificates() {
    }

    /** A certificate for this machine: the name localhost and the address 127.0.0.1. */
    static Issued thisMachine(Path folder) {
        return issue(folder, "this-machine", "CN=localhost", "SAN=dns:localhost,ip:127.0.0.1");
    }

    /** A certificate for another server's name, not valid for 127.0.0.1. */
    static Issued elsewhere(Path folder) {
        return issue(folder, "elsewhere", "CN=mail.elsewhere.example", "SAN=dns:mail.elsewhere.example");
    }

    private static Issued issue(Path folder, String name, String subject, String alternativeNames) {
        Path keyStore = folder.resolve(name + ".p12");
        Path pem = folder.resolve(name + ".pem");
        if (!Files.exists(pem)) {
            keytool("-genkeypair", "-alias", "smtp", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", subject,
                    "-ext", alternativeNames, "-validity", "2", "-keystore", keyStore.toString(), "-storetype", "PKCS12",
                    "-storepass", PASSWORD, "-keypass", PASSWORD);
            keytool("-exportcert", "-rfc", "-alias", "smtp", "-keystore", keyStore.toString(), "-storepass", PASSWORD,
                    "-file", pem.toString());
        }
        return new Issued(keyStore, pem);
    }

    private static void keytool(String... arguments) {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
