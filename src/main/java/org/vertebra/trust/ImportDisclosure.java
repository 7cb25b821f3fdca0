package org.vertebra.trust;

/**
 * What an import does on a site with no default disclosure when published articles it brings have
 * none of their own, so that no one finds their posts turned into drafts without having chosen it:
 * stop before writing anything, set the site's default to the text given, or import them as drafts
 * on purpose.
 */
public record ImportDisclosure(Choice choice, String defaultText) {

    public enum Choice { STOP, SET_DEFAULT, AS_DRAFTS }

    /** What an import does in the admin and tests: stop and say how to go on. */
    public static ImportDisclosure stop() {
        return new ImportDisclosure(Choice.STOP, null);
    }

    /** {@code --default-disclosure TEXT}: the site's default, unless it already has one (kept). */
    public static ImportDisclosure defaultTo(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("--default-disclosure needs a text, for example "
                    + "--default-disclosure \"The author declares no conflicts of interest.\"");
        }
        return new ImportDisclosure(Choice.SET_DEFAULT, text.strip());
    }

    /** {@code --as-drafts}: published articles without a disclosure come in as drafts, and the report says so. */
    public static ImportDisclosure asDrafts() {
        return new ImportDisclosure(Choice.AS_DRAFTS, null);
    }

    /**
     * Why the import stops: {@code count} published articles would lose their place, the options
     * that go on, and the admin page that sets the default instead.
     */
    public static String stopMessage(int count, String what) {
        return count + " published " + what + (count == 1 ? " has" : "s have") + " no disclosure of " + (count == 1 ? "its" : "their")
                + " own, and this site has no default disclosure yet, so " + (count == 1 ? "it" : "they")
                + " could not be published. Nothing was imported. Run the import again with --default-disclosure \"TEXT\""
                + " to make TEXT the site's default disclosure (for example --default-disclosure \"The author declares no"
                + " conflicts of interest.\"), or with --as-drafts to import them as drafts; or set the default disclosure"
                + " in the admin under Settings, Trust (" + TrustAdminRoutes.PATH + ") and import again.";
    }

    /** What the report says of the {@code count} published articles that came in as drafts with {@code --as-drafts}. */
    public static String draftsMessage(int count, String what) {
        return count + " published " + what + (count == 1 ? " has" : "s have") + " no disclosure and came in as "
                + (count == 1 ? "a draft" : "drafts") + ", as --as-drafts asked. Set the site's default disclosure under"
                + " Settings, Trust (or give each a disclosure) and import again to publish them.";
    }
}
