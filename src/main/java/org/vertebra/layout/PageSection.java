package org.vertebra.layout;

/**
 * A section a feature adds, generated, to the end of a page editors write (the consent manager's
 * cookie and privacy policies on the Policies page). {@code html} comes from one of our templates,
 * so it is escaped like any page.
 */
public record PageSection(String id, String title, String html) {
}
