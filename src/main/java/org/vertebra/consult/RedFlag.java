package org.vertebra.consult;

import java.util.Arrays;
import java.util.Optional;

/**
 * Symptoms that need an examination in person, perhaps urgently, rather than a video call. Any of
 * them makes the booking page advise in-person or emergency care before the patient goes on.
 */
public enum RedFlag {
    RECENT_INJURY("recent-injury", "A recent fall, accident or injury"),
    FEVER_WEIGHT_LOSS("fever-weight-loss", "Fever, or weight loss you cannot explain"),
    LEG_NUMBNESS("leg-numbness", "Numbness, tingling or weakness in one or both legs"),
    BLADDER_BOWEL("bladder-bowel", "New problems controlling your bladder or bowel, or numbness between the legs"),
    NIGHT_PAIN("night-pain", "Pain at night that does not ease when you rest or change position");

    private final String key;
    private final String label;

    RedFlag(String key, String label) {
        this.key = key;
        this.label = label;
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
