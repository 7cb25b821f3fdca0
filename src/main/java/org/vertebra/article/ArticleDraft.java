package org.vertebra.article;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.vertebra.content.KeyPoints;
import org.vertebra.language.Language;

/**
 * What a writer or an import gives to create or replace an article: its Markdown and fields.
 * The service renders the body, extracts the references and keeps the earlier text as a revision.
 *
 * @param redirectFrom  earlier slugs that should lead here with a 301
 * @param keyPoints     its "Key points" and "What you can do" lists, perhaps empty
 * @param lang          the language it is written in; null for the site's language
 * @param translationOf the slug of the article it translates; null when it is not a translation
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
        KeyPoints keyPoints,
        Language lang,
        String translationOf) {

    /** A draft with no key points: a WordPress post (WordPress has no such field), or a test's article. */
    public ArticleDraft(String kind, String slug, String title, String summary, String markdown, Long authorId, Long imageId,
                        String status, Instant publishedAt, Instant updatedAt, String reviewedBy, LocalDate reviewedOn,
                        String disclosure, boolean demo, List<String> redirectFrom) {
        this(kind, slug, title, summary, markdown, authorId, imageId, status, publishedAt, updatedAt, reviewedBy, reviewedOn,
                disclosure, demo, redirectFrom, KeyPoints.NONE);
    }

    /** A draft in the site's language that translates nothing. */
    public ArticleDraft(String kind, String slug, String title, String summary, String markdown, Long authorId, Long imageId,
                        String status, Instant publishedAt, Instant updatedAt, String reviewedBy, LocalDate reviewedOn,
                        String disclosure, boolean demo, List<String> redirectFrom, KeyPoints keyPoints) {
        this(kind, slug, title, summary, markdown, authorId, imageId, status, publishedAt, updatedAt, reviewedBy, reviewedOn,
                disclosure, demo, redirectFrom, keyPoints, null, null);
    }

    public ArticleDraft {
        keyPoints = keyPoints == null ? KeyPoints.NONE : keyPoints;
    }

    /** The same draft with another status, as when an import keeps an unpublishable article as a draft. */
    public ArticleDraft withStatus(String newStatus) {
        return new ArticleDraft(kind, slug, title, summary, markdown, authorId, imageId, newStatus, publishedAt, updatedAt,
                reviewedBy, reviewedOn, disclosure, demo, redirectFrom, keyPoints, lang, translationOf);
    }

    /** The same draft in another language, perhaps as the translation of the article with the slug {@code original}. */
    public ArticleDraft inLanguage(Language language, String original) {
        return new ArticleDraft(kind, slug, title, summary, markdown, authorId, imageId, status, publishedAt, updatedAt,
                reviewedBy, reviewedOn, disclosure, demo, redirectFrom, keyPoints, language, original);
    }

    /** The same draft published at another moment. */
    ArticleDraft withPublishedAt(Instant moment) {
        return new ArticleDraft(kind, slug, title, summary, markdown, authorId, imageId, status, moment, updatedAt,
                reviewedBy, reviewedOn, disclosure, demo, redirectFrom, keyPoints, lang, translationOf);
    }
}
