package org.vertebra.consent;

/** One cookie or outside service in a category, as the banner, the manage dialog and the cookie policy list it. */
public record CookieEntry(ConsentCategory category, String name, String purpose, String duration, String provider) {
}
