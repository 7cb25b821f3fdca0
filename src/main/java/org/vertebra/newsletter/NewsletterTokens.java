package org.vertebra.newsletter;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The newsletter's link tokens. A confirmation token is random and kept only as its SHA-256. An
 * unsubscribe token is the subscriber's id and an HMAC of it with the row's random key under the
 * site's newsletter secret: every mail can carry one without storing it, and only this site can
 * make or check one.
 */
final class NewsletterTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final byte[] secret;

    NewsletterTokens(byte[] secret) {
        this.secret = secret.clone();
    }

    /** 32 random bytes, URL-safe Base64 (43 characters). */
    static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    String unsubscribe(Subscriber subscriber) {
        return subscriber.id() + "." + sign(subscriber.id() + ":" + subscriber.unsubscribeKey());
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

    private String sign(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
