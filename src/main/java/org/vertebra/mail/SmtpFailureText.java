package org.vertebra.mail;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
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
                        + "Check the SMTP server's name and port; providers use 587 with STARTTLS or 465 with implicit TLS. ("
                        + detail + ")";
            }
            if (t instanceof SocketTimeoutException) {
                return "Cannot connect to " + server + ": no answer within " + SmtpTransport.TIMEOUT.toSeconds()
                        + " seconds. A firewall may block the port, or the TLS mode does not match the port. (" + detail + ")";
            }
            if (t instanceof AuthenticationFailedException) {
                return "Authentication failed: " + server + " refused the user name and password. (" + detail + ")";
            }
            if (t instanceof SSLException) {
                return "TLS failure with " + server + ": a secure connection could not be set up (the TLS mode may not "
                        + "match the port, or the server's certificate is not valid for its name). (" + detail + ")";
            }
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
            return "TLS failure: " + server + " does not offer STARTTLS, which this setting requires. Choose implicit TLS "
                    + "for port 465, or no TLS only for a relay on this machine. (" + detail + ")";
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
