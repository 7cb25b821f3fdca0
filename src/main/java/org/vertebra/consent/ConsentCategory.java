package org.vertebra.consent;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of cookie and service a visitor is asked about. Functional is always on: the site
 * cannot remember a choice, or a signed-in editor, without it. Its key is what the consent cookie,
 * the page's {@code data-category} attributes and the consent log carry.
 */
public enum ConsentCategory {
    FUNCTIONAL("functional", "Functional", true,
            "Needed for the site to work: remembering your consent choice and keeping staff signed in. Always on."),
    PREFERENCES("preferences", "Preferences", false,
            "Remembers choices you make on this site, such as settings for how pages look."),
    STATISTICS("statistics", "Statistics", false,
            "Helps us see which pages are read, so we can improve them. Our own counting uses no cookies and stores "
                    + "nothing about you; this covers any additional statistics service the site owner adds."),
    MARKETING("marketing", "Marketing", false,
            "Content from other companies, such as videos from YouTube or Vimeo. These companies may set cookies and "
                    + "learn that you visited this page.");

    private final String key;
    private final String label;
    private final boolean required;
    private final String description;

    ConsentCategory(String key, String label, boolean required, String description) {
        this.key = key;
        this.label = label;
        this.required = required;
        this.description = description;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public boolean required() {
        return required;
    }

    public String description() {
        return description;
    }

    /** Whether a browser's "do not track me" signal (Global Privacy Control, Do Not Track) rules this category out. */
    public boolean refusedByPrivacySignal() {
        return this == STATISTICS || this == MARKETING;
    }

    public static Optional<ConsentCategory> byKey(String key) {
        return Arrays.stream(values()).filter(c -> c.key.equals(key)).findFirst();
    }
}
