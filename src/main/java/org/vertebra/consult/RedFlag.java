package org.vertebra.consult;

import java.util.Arrays;
import java.util.Optional;

/**
 * Symptoms that need an examination in person, perhaps urgently, rather than a video call. Any of
 * them makes the booking page advise in-person or emergency care before the patient goes on.
 * Each is ranked by how soon that care is needed: new loss of bladder or bowel control (a sign of
 * cauda equina syndrome) cannot wait for a booked call at all.
 */
public enum RedFlag {
    RECENT_INJURY("recent-injury", "A recent fall, accident or injury", Urgency.SOON),
    FEVER_WEIGHT_LOSS("fever-weight-loss", "Fever, or weight loss you cannot explain", Urgency.SOON),
    LEG_NUMBNESS("leg-numbness", "Numbness, tingling or weakness in one or both legs", Urgency.SOON),
    BLADDER_BOWEL("bladder-bowel", "New problems controlling your bladder or bowel, or numbness between the legs",
            Urgency.EMERGENCY),
    NIGHT_PAIN("night-pain", "Pain at night that does not ease when you rest or change position", Urgency.SOON);

    /** How soon care in person is needed, most urgent first. */
    public enum Urgency { EMERGENCY, SOON }

    private final String key;
    private final String label;
    private final Urgency urgency;

    RedFlag(String key, String label, Urgency urgency) {
        this.key = key;
        this.label = label;
        this.urgency = urgency;
    }

    public Urgency urgency() {
        return urgency;
    }

    /** Whether any of these flags (keys, as stored in the intake answers) needs emergency care now. */
    public static boolean anyEmergency(java.util.Collection<String> keys) {
        return keys.stream().map(RedFlag::of).flatMap(Optional::stream).anyMatch(f -> f.urgency == Urgency.EMERGENCY);
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public static Optional<RedFlag> of(String key) {
        return Arrays.stream(values()).filter(f -> f.key.equals(key)).findFirst();
    }
}
