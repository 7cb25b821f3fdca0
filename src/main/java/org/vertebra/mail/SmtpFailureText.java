package org.vertebra.mail;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * Why an SMTP exchange failed, in words an administrator understands and can act on (cannot
 * connect, authentication failed, TLS failure, ...), followed by what the server or Java said, so
 * that nothing is hidden from whoever knows more.
 */
final class SmtpFailureText {

    private SmtpFailureText() {
    }

    static String of(Exception e, String server) {
        List<Throwable> chain = chain(e);
        String detail = SmtpTransport.describe(e);
        for (Throwable t : chain) {
            if (t instanceof UnknownHostException) {
                return "Cannot connect: no server named " + server.substring(0, server.lastIndexOf(':'))
                        + " was found. Check the SMTP server's name. (" + detail + ")";
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
                return "Cannot connect to " + server + ": nothing answers there (the connection was refused). "
                        + "Check the SMTP server's name and port; providers use 587 with STARTTLS or 465 with SMTPS. ("
                        + detail + ")";
            }
            if (t instanceof SocketTimeoutException) {
                return "Cannot connect to " + server + ": no answer within " + SmtpTransport.TIMEOUT.toSeconds()
                        + " seconds. A firewall may block the port, or the TLS mode does not match the port. (" + detail + ")";
            }
            if (t instanceof AuthenticationFailedException) {
                return "Authentication failed: " + server + " refused the user name and password. (" + detail + ")";
            }
        }
        // The JDK wraps a path failure in a CertificateException: look for the path failure first.
        for (Throwable t : chain) {
            if (t instanceof CertPathBuilderException || t instanceof CertPathValidatorException) {
                return "TLS failure with " + server + ": the server's certificate is not trusted (it is not signed by an "
                        + "authority Java trusts, nor is it the trusted certificate named for a private relay), so nothing "
                        + "was sent. (" + detail + ")";
            }
        }
        for (Throwable t : chain) {
            if (t instanceof CertificateException || String.valueOf(t.getMessage()).contains("Can't verify identity of server")) {
                return "TLS failure with " + server + ": the server's certificate is not valid for the name "
                        + server.substring(0, server.lastIndexOf(':')) + ", so nothing was sent. (" + detail + ")";
            }
        }
        for (Throwable t : chain) {
            if (t instanceof SSLException) {
                return "TLS failure with " + server + ": a secure connection could not be set up (the TLS mode may not "
                        + "match the port: STARTTLS is usually 587, SMTPS 465). (" + detail + ")";
            }
        }
        for (Throwable t : chain) {
            if (t instanceof SMTPAddressFailedException refused) {
                return "The server refused the recipient: " + refused.getReturnCode() + " " + oneLine(refused.getMessage());
            }
            if (t instanceof SMTPSenderFailedException refused) {
                return "The server refused the sender address: " + refused.getReturnCode() + " " + oneLine(refused.getMessage())
                        + ". Many providers accept only their own addresses as the sender.";
            }
        }
        String message = String.valueOf(e.getMessage());
        if (message.contains("STARTTLS")) {
            return "TLS failure: " + server + " does not offer STARTTLS, which this setting requires, so nothing was sent "
                    + "in the clear. Choose SMTPS for port 465, or none only for a relay on this machine. (" + detail + ")";
        }
        if (e instanceof SMTPSendFailedException failed) {
            return "The server did not take the mail: " + failed.getReturnCode() + " " + oneLine(failed.getMessage());
        }
        return "The mail could not be sent through " + server + ": " + detail;
    }

    private static List<Throwable> chain(Exception e) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = e; t != null && !chain.contains(t) && chain.size() < 10;
             t = t instanceof MessagingException m && m.getNextException() != null ? m.getNextException() : t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    private static String oneLine(String text) {
        return Addresses.maskAll(String.valueOf(text).replaceAll("\\s+", " ").strip());
    }
}
