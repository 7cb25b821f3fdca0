package org.vertebra.account;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vertebra.secret.SecretTokens;

/**
 * Single-use codes for signing in without the authenticator app. Each has 50 random bits
 * (ten Base32 characters, shown as two groups of five); a SHA-256 is enough to store them, since
 * unlike passwords they are not guessable and the sign-in throttle limits tries.
 */
final class RecoveryCodes {

    static final int COUNT = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    private RecoveryCodes() {
    }

    static List<String> generate() {
        List<String> codes = new ArrayList<>(COUNT);
        for (int i = 0; i < COUNT; i++) {
            byte[] bytes = new byte[7];
            RANDOM.nextBytes(bytes);
            String text = Base32.encode(bytes).substring(0, 10).toLowerCase(Locale.ROOT);
            codes.add(text.substring(0, 5) + "-" + text.substring(5));
        }
        return codes;
    }

    /** What is stored for a code: typed with or without the hyphen, spaces or capitals, it hashes the same. */
    static String hash(String code) {
        return SecretTokens.hash(normalize(code));
    }

    /** True when the text has the shape of a recovery code (rather than a six-digit app code). */
    static boolean looksLikeOne(String given) {
        return given != null && normalize(given).matches("[a-z2-7]{10}");
    }

    private static String normalize(String code) {
        return code == null ? "" : code.strip().toLowerCase(Locale.ROOT).replace("-", "").replace(" ", "");
    }
}
