package org.vertebra.settings;

import org.vertebra.form.Problems;
import org.vertebra.language.Language;

/**
 * The site identity as an administrator sets it; null fields are not set here. A null title means
 * the configured title (VERTEBRA_SITE_TITLE, or its default) is used; a null language, English.
 *
 * @param language the site's language as a BCP 47 tag ("en", "es", "pt-BR"): new articles take it,
 *                 and pages in no other language say it
 */
public record IdentityChange(String title, String tagline, String footer, String language) {

    public static final int TITLE_MAX = 120;
    public static final int TAGLINE_MAX = 200;
    public static final int FOOTER_MAX = 2000;

    /** Checks what a form sent; throws {@link org.vertebra.form.Invalid} with every problem found. */
    public static IdentityChange parse(String title, String tagline, String footer, String language) {
        Problems problems = new Problems();
        IdentityChange change = new IdentityChange(
                problems.optional("title", "The site title", oneLine(title), TITLE_MAX),
                problems.optional("tagline", "The tagline", oneLine(tagline), TAGLINE_MAX),
                problems.optional("footer", "The footer text", footer, FOOTER_MAX),
                language(problems, language));
        problems.check();
        return change;
    }

    /** The language tag in its canonical case; null for none, which is English. */
    private static String language(Problems problems, String typed) {
        String clean = problems.optional("language", "The site's language", typed, 35);
        if (clean == null) {
            return null;
        }
        return Language.parse(clean).map(Language::tag).orElseGet(() -> {
            problems.add("language", "'" + clean + "' is not a language tag. Use a BCP 47 tag such as en, es, fr, de, hi, ar or pt-BR.");
            return clean;
        });
    }

    private static String oneLine(String value) {
        return value == null ? null : value.replaceAll("\\s*\\R\\s*", " ");
    }
}
