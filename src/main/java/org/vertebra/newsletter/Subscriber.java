package org.vertebra.newsletter;

import java.time.Instant;

/**
 * One address on the list, as stored.
 *
 * @param status          {@link #PENDING} (asked, not yet confirmed), {@link #CONFIRMED} or {@link #UNSUBSCRIBED}
 * @param source          how it came: {@code form} or {@code import}
 * @param confirmSentAt   when the last confirmation mail was sent; null when none was
 * @param unsubscribeKey  random, part of what the unsubscribe link's signature covers
 */
public record Subscriber(long id, String email, String status, String source, Instant createdAt, Instant confirmedAt,
                         Instant unsubscribedAt, Instant confirmSentAt, String unsubscribeKey) {

    public static final String PENDING = "pending";
    public static final String CONFIRMED = "confirmed";
    public static final String UNSUBSCRIBED = "unsubscribed";

    public boolean confirmed() {
        return CONFIRMED.equals(status);
    }
}
