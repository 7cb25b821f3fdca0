package org.vertebra.settings;

import org.vertebra.form.Problems;

/**
 * The site identity as an administrator sets it; null fields are not set here. A null title means
 * the configured title (VERTEBRA_SITE_TITLE, or its default) is used.
 */
public record IdentityChange(String title, String tagline, String footer) {

    public static final int TITLE_MAX = 120;
    public static final int TAGLINE_MAX = 200;
    public static final int FOOTER_MAX = 2000;

    /** Checks what a form sent; throws {@link org.vertebra.form.Invalid} with every problem found. */
    public static IdentityChange parse(String title, String tagline, String footer) {
        Problems problems = new Problems();
        IdentityChange change = new IdentityChange(
                problems.optional("title", "The site title", oneLine(title), TITLE_MAX),
                problems.optional("tagline", "The tagline", oneLine(tagline), TAGLINE_MAX),
                problems.optional("footer", "The footer text", footer, FOOTER_MAX));
        problems.check();
        return change;
    }

    private static String oneLine(String value) {
        return value == null ? null : value.replaceAll("\\s*\\R\\s*", " ");
    }
}
