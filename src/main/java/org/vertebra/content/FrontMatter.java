package org.vertebra.content;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.vertebra.language.Language;

/**
 * The validated YAML header of an imported Markdown file. Optional fields are null or empty.
 *
 * @param published     null when the file gives none: a new article takes the present moment
 * @param type          "post" (an article) or "page" (a static page such as /about/)
 * @param redirectFrom  earlier slugs of this article; they answer with a 301
 * @param imageAlt      what the featured image shows, stored as its alt text in the media library
 * @param bodyLine      the file's line number where the Markdown body starts
 * @param sticky        a post that stays first on the home page
 * @param keyPoints     its "Key points" and "What you can do" lists; {@link KeyPoints#NONE} when it gives neither
 * @param lang          the language it is written in; null when it gives none (the site's language)
 * @param translationOf the slug of the article this one translates; null when it is not a translation
 * @param translationOfLine the line of {@code translation_of}, for a problem found once every file is read
 */
public record FrontMatter(
        String title,
        String slug,
        int slugLine,
        String author,
        List<String> categories,
        List<String> tags,
        Instant published,
        Instant updated,
        String summary,
        String image,
        int imageLine,
        String imageAlt,
        String status,
        String type,
        String reviewedBy,
        LocalDate reviewedOn,
        String disclosure,
        List<String> redirectFrom,
        List<String> warnings,
        int bodyLine,
        boolean sticky,
        KeyPoints keyPoints,
        Language lang,
        String translationOf,
        int translationOfLine) {
}
