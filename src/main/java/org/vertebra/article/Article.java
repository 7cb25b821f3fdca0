package org.vertebra.article;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.vertebra.content.Reference;
import org.vertebra.content.TocEntry;

/**
 * An article or a static page as stored, with its body already rendered.
 *
 * @param kind  {@link #POST} for an article, {@link #PAGE} for a static page such as /about/
 */
public record Article(
        long id,
        String kind,
        String slug,
        String title,
        String summary,
        String bodyMarkdown,
        String bodyHtml,
        List<TocEntry> toc,
        String plainText,
        Long authorId,
        Long imageId,
        String status,
        Instant publishedAt,
        Instant updatedAt,
        String reviewedBy,
        LocalDate reviewedOn,
        String disclosure,
        boolean demo,
        List<Reference> references) {

    public static final String POST = "post";
    public static final String PAGE = "page";
    public static final String PUBLISHED = "published";
    public static final String DRAFT = "draft";

    public boolean isPage() {
        return PAGE.equals(kind);
    }

    public boolean isPublished() {
        return PUBLISHED.equals(status);
    }

    public String url() {
        return "/" + slug + "/";
    }
}
