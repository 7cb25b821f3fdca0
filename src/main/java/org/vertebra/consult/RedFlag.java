package org.vertebra.consult;

import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;

/**
 * Symptoms that need an examination in person, perhaps urgently, rather than a video call. Any of
 * them makes the booking page advise in-person or emergency care before the patient goes on.
 *
 * <p>Each is ranked by how soon it needs a doctor, so that the doctor's mail, agenda and dashboard
 * single out the one that cannot wait: new bladder or bowel trouble, or numbness between the legs,
 * may be cauda equina syndrome, a surgical emergency. Weakness or numbness in the legs, a recent
 * injury, or fever and weight loss need seeing within days; pain at night is asked about at the
 * consultation itself.
 */
enum RedFlag {
    RECENT_INJURY("recent-injury", "A recent fall, accident or injury", Urgency.SOON),
    FEVER_WEIGHT_LOSS("fever-weight-loss", "Fever, or weight loss you cannot explain", Urgency.SOON),
    LEG_NUMBNESS("leg-numbness", "Numbness, tingling or weakness in one or both legs", Urgency.SOON),
    BLADDER_BOWEL("bladder-bowel", "New problems controlling your bladder or bowel, or numbness between the legs",
            Urgency.EMERGENCY),
    NIGHT_PAIN("night-pain", "Pain at night that does not ease when you rest or change position", Urgency.ROUTINE);

    /** How soon a warning sign needs a doctor, least urgent first (so that {@code compareTo} ranks them). */
    public enum Urgency {
        NONE("No warning sign"),
        ROUTINE("Warning sign"),
        SOON("Warning sign: to be seen within days"),
        EMERGENCY("Emergency warning sign");

        private final String label;

        Urgency(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public boolean emergency() {
            return this == EMERGENCY;
        }
    }

    private final String key;
    private final String label;
    private final Urgency urgency;

    RedFlag(String key, String label, Urgency urgency) {
        this.key = key;
        this.label = label;
        this.urgency = urgency;
    }

    /** Whether any of these flags (keys, as stored in the intake answers) needs emergency care now. */
    public static boolean anyEmergency(Collection<String> keys) {
        return highest(keys).emergency();
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public Urgency urgency() {
        return urgency;
    }

    public static Optional<RedFlag> of(String key) {
        return Arrays.stream(values()).filter(f -> f.key.equals(key)).findFirst();
    }

    /** The most urgent of these ticked signs (keys); NONE when none is ticked or known. */
    public static Urgency highest(Collection<String> keys) {
        return keys.stream().map(RedFlag::of).flatMap(Optional::stream).map(RedFlag::urgency)
                .max(Enum::compareTo).orElse(Urgency.NONE);
    }
}
