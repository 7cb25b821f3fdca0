package org.vertebra.article;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.vertebra.content.KeyPoints;

/**
 * What a writer or an import gives to create or replace an article: its Markdown and fields.
 * The service renders the body, extracts the references and keeps the earlier text as a revision.
 *
 * @param redirectFrom  earlier slugs that should lead here with a 301
 * @param keyPoints     its "Key points" and "What you can do" lists, perhaps empty
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
        List<String> redirectFrom,
        KeyPoints keyPoints) {

    /** A draft with no key points: a WordPress post (WordPress has no such field), or a test's article. */
    public ArticleDraft(String kind, String slug, String title, String summary, String markdown, Long authorId, Long imageId,
                        String status, Instant publishedAt, Instant updatedAt, String reviewedBy, LocalDate reviewedOn,
                        String disclosure, boolean demo, List<String> redirectFrom) {
        this(kind, slug, title, summary, markdown, authorId, imageId, status, publishedAt, updatedAt, reviewedBy, reviewedOn,
                disclosure, demo, redirectFrom, KeyPoints.NONE);
    }

    public ArticleDraft {
        keyPoints = keyPoints == null ? KeyPoints.NONE : keyPoints;
    }

    /** The same draft with another status, as when an import keeps an unpublishable article as a draft. */
    public ArticleDraft withStatus(String newStatus) {
        return new ArticleDraft(kind, slug, title, summary, markdown, authorId, imageId, newStatus, publishedAt, updatedAt,
                reviewedBy, reviewedOn, disclosure, demo, redirectFrom, keyPoints);
    }

    /** The same draft published at another moment. */
    ArticleDraft withPublishedAt(Instant moment) {
        return new ArticleDraft(kind, slug, title, summary, markdown, authorId, imageId, status, moment, updatedAt,
                reviewedBy, reviewedOn, disclosure, demo, redirectFrom, keyPoints);
    }
}
