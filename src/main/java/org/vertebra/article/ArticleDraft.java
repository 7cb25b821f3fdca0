package org.vertebra.article;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What a writer or an import gives to create or replace an article: its Markdown and fields.
 * The service renders the body, extracts the references and keeps the earlier text as a revision.
 *
 * @param redirectFrom  earlier slugs that should lead here with a 301
 */
public record ArticleDraft(
        String kind,
        String slug,
        String title,
        String summary,
        String markdown,
        Long authorId,
        Long imageId,
        String status,
        Instant publishedAt,
        Instant updatedAt,
        String reviewedBy,
        LocalDate reviewedOn,
        String disclosure,
        boolean demo,
        List<String> redirectFrom) {
}
