package org.vertebra.spam;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The ticket a public form carries: the moment the form was made and a signature over it, so the
 * guard can tell how long the person took and that the ticket came from this site. Public pages
 * are cached, so a ticket may be as old as the cached page; it only ever proves "not too fast".
 */
final class FormTickets {

    private final byte[] secret;

    FormTickets(byte[] secret) {
        this.secret = secret.clone();
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
        byte[] expected = sign(seconds).getBytes(StandardCharsets.US_ASCII);
        byte[] given = ticket.substring(ticket.indexOf('.') + 1).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, given)) {
            return null;
        }
        return Duration.between(Instant.ofEpochSecond(Long.parseLong(seconds)), now);
    }

    String sign(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
