package org.vertebra.account;

import java.util.Optional;
import java.util.regex.Pattern;
import org.vertebra.secret.Sealer;

/**
 * Seals what two-step sign-in keeps of an account under the site's key, kept outside the database:
 * the TOTP key (the server computes codes from it, so it cannot be hashed) and the SHA-256 of each
 * recovery code (50 random bits, few enough that a stolen table could be searched through). Each
 * value is bound to its account, so one copied onto another account's row does not open.
 *
 * <p>Rows written before sealing hold the clear value (a Base32 key, a hex hash). They still open,
 * and are sealed at start, on use and by the rotation command ({@link TwoFactorService#reseal()}).
 */
final class TwoFactorSeal {

    private static final Pattern CLEAR_KEY = Pattern.compile("[A-Z2-7]+=*");
    private static final Pattern CLEAR_HASH = Pattern.compile("[0-9a-f]{64}");

    private final Sealer sealer;

    TwoFactorSeal(Sealer sealer) {
        this.sealer = sealer;
    }

    String sealKey(long userId, String base32) {
        return sealer.seal(keyPurpose(userId), base32);
    }

    /** The Base32 key of a stored value, sealed or from before sealing. */
    String openKey(long userId, String stored) {
        if (CLEAR_KEY.matcher(stored).matches()) {
            return stored;
        }
        return sealer.open(keyPurpose(userId), stored).orElseThrow(() -> new IllegalStateException(
                "the two-step key of account " + userId + " does not open under this site's keys (consult.key, consult.old-keys)"));
    }

    String sealCodeHash(long userId, String hash) {
        return sealer.seal(codePurpose(userId), hash);
    }

    /** The recovery code's hash of a stored value; empty when it does not open. */
    Optional<String> openCodeHash(long userId, String stored) {
        return CLEAR_HASH.matcher(stored).matches() ? Optional.of(stored) : sealer.open(codePurpose(userId), stored);
    }

    /** True when the value is sealed under the current key: nothing to do for it at start or in a rotation. */
    boolean isCurrent(String stored) {
        return !CLEAR_KEY.matcher(stored).matches() && !CLEAR_HASH.matcher(stored).matches() && sealer.isCurrent(stored);
    }

    boolean isClear(String stored) {
        return CLEAR_KEY.matcher(stored).matches() || CLEAR_HASH.matcher(stored).matches();
    }

    private static String keyPurpose(long userId) {
        return "two-factor-key:" + userId;
    }

    private static String codePurpose(long userId) {
        return "two-factor-recovery:" + userId;
    }
}
