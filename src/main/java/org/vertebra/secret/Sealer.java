package org.vertebra.secret;

import java.util.Optional;

/**
 * Seals a short secret that the site must keep and use again (an SMTP password), so that the
 * database alone does not give it away: the key lives outside the database. Each value is bound to
 * the purpose it is stored for, so a sealed value copied into another setting does not open.
 */
public interface Sealer {

    String seal(String purpose, String plain);

    /** The plain value, or empty when it does not open: changed, or sealed under a key this server does not have. */
    Optional<String> open(String purpose, String sealed);

    /** Whether the value is sealed under the key new values get (after a key change, older ones are sealed again). */
    boolean isCurrent(String sealed);
}
