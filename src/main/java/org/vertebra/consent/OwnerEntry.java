package org.vertebra.consent;

/** A cookie or outside service the site owner listed in the admin, with its row's id. */
public record OwnerEntry(long id, ConsentCategory category, String name, String provider, String purpose, String duration) {

    public CookieEntry cookie() {
        return new CookieEntry(category, name, purpose, duration, provider);
    }

    EntryChange change() {
        return new EntryChange(category, name, provider, purpose, duration);
    }
}
