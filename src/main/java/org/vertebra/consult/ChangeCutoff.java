package org.vertebra.consult;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * How long before its start a patient may still move or cancel a consultation online: the one
 * rule the manage page applies, and the words every page uses for it, so that what a patient is
 * told before booking, on the confirmation and on the manage page is what the link then allows.
 */
public record ChangeCutoff(Duration before) {

    public ChangeCutoff {
        if (before.isNegative()) {
            throw new IllegalArgumentException("the cut-off cannot be negative");
        }
    }

    /** Whether a consultation starting at {@code start} may still be moved or cancelled online at {@code now}. */
    public boolean allows(Instant start, Instant now) {
        return now.isBefore(start.minus(before));
    }

    /** The rule in general, for a page that shows no particular time. */
    public String rule() {
        return "You can move or cancel a consultation online until " + ahead() + ".";
    }

    /** What booking this time means for moving and cancelling, told on the form before booking. */
    public String beforeBooking(Instant start, ZoneId zone, Instant now) {
        return allows(start, now)
                ? "You can move or cancel it online until " + ahead() + ", that is until " + ConsultMail.when(start.minus(before), zone) + "."
                : "This time is less than " + words() + " away, so once booked it cannot be moved or cancelled online. "
                        + "If you then cannot come, please contact us.";
    }

    /** What the patient may still do with a booked consultation, told on its confirmation and manage page. */
    public String afterBooking(Instant start, ZoneId zone, Instant now) {
        return allows(start, now)
                ? "You can move or cancel it online until " + ahead() + ", that is until " + ConsultMail.when(start.minus(before), zone) + "."
                : "It is less than " + words() + " away, so it can no longer be moved or cancelled online. "
                        + "If you cannot come, please contact us.";
    }

    private String ahead() {
        return before.isZero() ? "it starts" : words() + " before it starts";
    }

    private String words() {
        return ConsultService.words(before);
    }
}
