package org.vertebra.consult;

/**
 * How a page shows the urgency of a patient's warning signs: in words (never by colour alone) and
 * with a style that makes an emergency stand out in a list.
 *
 * @param css {@code flag-emergency}, {@code flag-soon} or {@code flag-routine}
 */
public record UrgencyFlag(String label, String css, boolean emergency) {

    /** The flag for this urgency; null for none, so that a page shows nothing. */
    static UrgencyFlag of(RedFlag.Urgency urgency) {
        return urgency == null || urgency == RedFlag.Urgency.NONE ? null
                : new UrgencyFlag(urgency.label(), "flag-" + urgency.name().toLowerCase(java.util.Locale.ROOT), urgency.emergency());
    }
}
