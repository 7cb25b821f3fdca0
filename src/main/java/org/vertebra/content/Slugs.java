package org.vertebra.content;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Makes and checks the URL names of articles, categories, tags and authors. */
public final class Slugs {

    private static final Pattern VALID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^a-z0-9]+");

    /** First path segments that belong to the site itself, so no article may take them. */
    private static final Set<String> RESERVED = Set.of(
            "page", "category", "tag", "author", "feed", "search", "media", "static", "admin",
            "api", "healthz", "metrics", "wp-admin", "wp-content", "wp-json", "wp-login");

    private Slugs() {
    }

    /**
     * "Plantar Fasciitis: Causes & Treatment" becomes "plantar-fasciitis-causes-treatment", "Dr Zoë
     * Ærøskøbing-Łódź" "dr-zoe-aeroskobing-lodz" and "Πόνος στη μέση" "ponos-sti-mesi". Letters of
     * other scripts (Arabic, Hebrew, Chinese, ...) are left out: the slug is then empty and the
     * person is asked for one.
     */
    public static String of(String text) {
        String bare = MARKS.matcher(Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFKD)).replaceAll("");
        String slug = NOT_WORD.matcher(Transliteration.toAscii(bare)).replaceAll("-");
        slug = trimHyphens(slug);
        if (slug.length() > 120) {
            slug = trimHyphens(slug.substring(0, 120));
        }
        return slug;
    }

    public static boolean isValid(String slug) {
        return slug.length() <= 200 && VALID.matcher(slug).matches();
    }

    public static boolean isReserved(String slug) {
        return RESERVED.contains(slug);
    }

    private static String trimHyphens(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && value.charAt(start) == '-') {
            start++;
        }
        while (end > start && value.charAt(end - 1) == '-') {
            end--;
        }
        return value.substring(start, end);
    }
}
