package org.vertebra.article;

import java.time.Instant;

/** One line of a desk list: enough to recognise an article and see where it stands; {@code lang} its language's tag. */
public record DeskRow(long id, String kind, String slug, String title, String status, Instant publishedAt,
                      Instant modifiedAt, String savedBy, Long authorId, Long ownerUserId, Instant reviewRequestedAt,
                      Instant deletedAt, String reviewedOn, String lang) {

    public EditorialStatus editorialStatus(Instant now) {
        if (deletedAt != null) {
            return EditorialStatus.TRASH;
        }
        if (Article.PUBLISHED.equals(status)) {
            return publishedAt.isAfter(now) ? EditorialStatus.SCHEDULED : EditorialStatus.PUBLISHED;
        }
        return reviewRequestedAt != null ? EditorialStatus.IN_REVIEW : EditorialStatus.DRAFT;
    }
}
