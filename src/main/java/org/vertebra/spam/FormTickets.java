package org.vertebra.spam;

import java.time.Duration;
import java.time.Instant;
import org.vertebra.secret.HmacSigner;

/**
 * The ticket a public form carries: the moment the form was made and a signature over it, so the
 * guard can tell how long the person took and that the ticket came from this site. Public pages
 * are cached, so a ticket may be as old as the cached page; it only ever proves "not too fast".
 */
final class FormTickets {

    private final HmacSigner signer;

    FormTickets(byte[] secret) {
        this.signer = new HmacSigner(secret);
    }

    String issue(Instant now) {
        String seconds = Long.toString(now.getEpochSecond());
        return seconds + "." + sign(seconds);
    }

    /** How long ago the ticket was issued; null when it is missing, damaged or not ours. */
    Duration age(String ticket, Instant now) {
        if (ticket == null || !ticket.matches("\\d{1,12}\\.[A-Za-z0-9_-]{43}")) {
            return null;
        }
        String seconds = ticket.substring(0, ticket.indexOf('.'));
        if (!verifies(seconds, ticket.substring(ticket.indexOf('.') + 1))) {
            return null;
        }
        return Duration.between(Instant.ofEpochSecond(Long.parseLong(seconds)), now);
    }

    String sign(String value) {
        return signer.sign(value);
    }

    boolean verifies(String value, String signature) {
        return signer.verifies(value, signature);
    }
}
