package org.vertebra.article;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.vertebra.content.KeyPoints;
import org.vertebra.content.Reference;
import org.vertebra.content.TocEntry;
import org.vertebra.language.Language;

/**
 * An article or a static page as stored, with its body already rendered.
 *
 * @param kind               {@link #POST} for an article, {@link #PAGE} for a static page such as /about/
 * @param reviewRequestedAt  when its author asked for a review of the draft; null when not asked
 * @param deletedAt          when it was put in the trash; null when it is not there
 * @param modifiedAt         when anything about it last changed; the editor compares it to catch two people saving at once
 * @param ownerUserId        the account that looks after it on the desk; null for imported articles
 * @param savedBy            who saved the current text (a name, or "import")
 * @param keyPoints          its "Key points" and "What you can do" lists, perhaps empty
 * @param lang               the language it is written in
 * @param translationOf      the id of the original it translates; null for an original (or an article with no translations)
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
        Instant reviewRequestedAt,
        Instant deletedAt,
        Instant modifiedAt,
        Long ownerUserId,
        String savedBy,
        List<Reference> references,
        KeyPoints keyPoints,
        Language lang,
        Long translationOf) {

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

    public boolean isInTrash() {
        return deletedAt != null;
    }

    /** Whether readers may see it at this moment: published, its time come, and not in the trash. */
    public boolean isPublicAt(Instant now) {
        return isPublished() && !isInTrash() && !publishedAt.isAfter(now);
    }

    /** Where it stands in the editorial workflow at this moment. */
    public EditorialStatus editorialStatus(Instant now) {
        if (isInTrash()) {
            return EditorialStatus.TRASH;
        }
        if (isPublished()) {
            return publishedAt.isAfter(now) ? EditorialStatus.SCHEDULED : EditorialStatus.PUBLISHED;
        }
        return reviewRequestedAt != null ? EditorialStatus.IN_REVIEW : EditorialStatus.DRAFT;
    }

    public String url() {
        return "/" + org.vertebra.content.Slugs.inPath(slug) + "/";
    }
}
