package org.vertebra.wordpress;

/** A {@code <wp:author>} of the export: an account of the WordPress site. */
record WxrAuthor(long id, String login, String email, String displayName, String firstName, String lastName) {

    /** The name to show: the display name, else first and last name, else the login. */
    String name() {
        if (!displayName.isBlank()) {
            return displayName.strip();
        }
        String full = (firstName + " " + lastName).strip();
        return full.isEmpty() ? login : full;
    }
}
