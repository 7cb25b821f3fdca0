package org.vertebra.wordpress;

/**
 * The placeholders Yoast ({@code %%title%%}) and Rank Math ({@code %title%}) put in an SEO title,
 * filled in once at import: the post's title, a dash for the separator; the site's name goes
 * (the placeholder, or the old site's name written out), as Vertebra's page title adds its own.
 */
final class SeoVariables {

    private SeoVariables() {
    }

    static String resolve(String template, String postTitle, String oldSiteTitle) {
        String text = template;
        if (!oldSiteTitle.isBlank()) {
            text = text.replace(oldSiteTitle, "");
        }
        text = text.replaceAll("%%?title%%?", java.util.regex.Matcher.quoteReplacement(postTitle))
                .replaceAll("%%?sep%%?", "\u2013")
                .replaceAll("%%?sitename%%?", "")
                .replaceAll("%%?[a-z_]+%%?", "");
        return text.replaceAll("\\s+", " ").replaceAll("[\\s\u2013|-]+$", "").strip();
    }
}
