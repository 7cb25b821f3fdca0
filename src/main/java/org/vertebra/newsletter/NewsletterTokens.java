package org.vertebra.newsletter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.vertebra.secret.HmacSigner;
import org.vertebra.secret.SecretTokens;

/**
 * The newsletter's link tokens. A confirmation token is random and kept only as its SHA-256. An
 * unsubscribe token is the subscriber's id and an HMAC of it with the row's random key under the
 * site's newsletter secret: every mail can carry one without storing it, and only this site can
 * make or check one.
 */
final class NewsletterTokens {

    private final HmacSigner signer;

    NewsletterTokens(byte[] secret) {
        this.signer = new HmacSigner(secret);
    }

    /** 32 random bytes, URL-safe Base64 (43 characters). */
    static String random() {
        return SecretTokens.newToken();
    }

    static String hash(String token) {
        return SecretTokens.hash(token);
    }

    String unsubscribe(Subscriber subscriber) {
        return subscriber.id() + "." + signer.sign(subscriber.id() + ":" + subscriber.unsubscribeKey());
    }

    /** The subscriber id an unsubscribe token names, or -1 when it is not of the right shape. */
    static long idOf(String token) {
        if (token == null || !token.matches("\\d{1,18}\\.[A-Za-z0-9_-]{43}")) {
            return -1;
        }
        return Long.parseLong(token.substring(0, token.indexOf('.')));
    }

    boolean verifies(String token, Subscriber subscriber) {
        return MessageDigest.isEqual(unsubscribe(subscriber).getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.US_ASCII));
    }
}
