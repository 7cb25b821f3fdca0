package org.vertebra.audit;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How an audited attempt ended: done, refused (not allowed, wrong password), or failed (an error). */
public enum AuditOutcome {
    OK, REFUSED, FAILED;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<AuditOutcome> ofKey(String key) {
        return Arrays.stream(values()).filter(o -> o.key().equals(key)).findFirst();
    }
}
