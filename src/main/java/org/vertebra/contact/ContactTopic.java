package org.vertebra.contact;

import java.util.Arrays;
import java.util.Optional;

/** What a contact message is about; the form's select and the subject of the mail to the site. */
public enum ContactTopic {
    GENERAL("general", "General enquiry"),
    CONSULTATION("consultation", "A question about a consultation"),
    FEEDBACK("feedback", "Feedback about the site");

    private final String key;
    private final String label;

    ContactTopic(String key, String label) {
        this.key = key;
        this.label = label;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public static Optional<ContactTopic> of(String key) {
        return Arrays.stream(values()).filter(t -> t.key.equals(key)).findFirst();
    }
}
