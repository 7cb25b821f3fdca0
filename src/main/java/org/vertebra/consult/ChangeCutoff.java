package org.vertebra.consult;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.vertebra.language.Messages;

/**
 * How long before its start a patient may still move or cancel a consultation online: the one
 * rule the manage page applies, and the words every page uses for it (in the patient's language),
 * so that what a patient is told before booking, on the confirmation and on the manage page is
 * what the link then allows.
 */
record ChangeCutoff(Duration before) {

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
    public String rule(Messages text) {
        return text.format("consult.cutoff.rule", ahead(text));
    }

    /** What booking this time means for moving and cancelling, told on the form before booking. */
    public String beforeBooking(Instant start, ZoneId zone, Instant now, Messages text) {
        return allows(start, now)
                ? text.format("consult.cutoff.before.open", ahead(text), new PatientWords(text).when(start.minus(before), zone))
                : text.format("consult.cutoff.before.closed", new PatientWords(text).duration(before));
    }

    /** What the patient may still do with a booked consultation, told on its confirmation and manage page. */
    public String afterBooking(Instant start, ZoneId zone, Instant now, Messages text) {
        return allows(start, now)
                ? text.format("consult.cutoff.after.open", ahead(text), new PatientWords(text).when(start.minus(before), zone))
                : text.format("consult.cutoff.after.closed", new PatientWords(text).duration(before));
    }

    private String ahead(Messages text) {
        return before.isZero() ? text.get("consult.cutoff.ahead.start")
                : text.format("consult.cutoff.ahead", new PatientWords(text).duration(before));
    }
}
