package org.vertebra.article;

/**
 * A shelf of the editorial desk: which articles and pages a desk list shows. Each is one SQL
 * condition, so the list is filtered and paged in the database.
 */
public enum Shelf {
    ALL("Everything", "a.deleted_at IS NULL"),
    // The unary plus on deleted_at keeps SQLite from walking every article outside the trash in
    // change order (articles_desk) to find, say, no drafts at all, reading each row for its status
    // (0.8 s at 100,000 articles); it reads its status in change order instead (articles_desk_status).
    // PostgreSQL reads it as the number itself.
    DRAFTS("Drafts", "+a.deleted_at IS NULL AND a.status = 'draft' AND a.review_requested_at IS NULL"),
    IN_REVIEW("In review", "+a.deleted_at IS NULL AND a.status = 'draft' AND a.review_requested_at IS NOT NULL"),
    SCHEDULED("Scheduled", "+a.deleted_at IS NULL AND a.status = 'published' AND +a.published_at > :now"),
    // Likewise the unary plus on published_at keeps SQLite from reading these shelves by publication
    // date and then sorting nearly every article by change to show fifty.
    PUBLISHED("Published", "+a.deleted_at IS NULL AND a.status = 'published' AND +a.published_at <= :now"),
    /** Published articles whose medical review is older than a year, or never happened. */
    REVIEW_DUE("Review due", "+a.deleted_at IS NULL AND a.kind = 'post' AND a.status = 'published' AND +a.published_at <= :now"
            + " AND (a.reviewed_on IS NULL OR a.reviewed_on < :reviewDueBefore)"),
    TRASH("Trash", "a.deleted_at IS NOT NULL");

    private final String label;
    final String condition;

    Shelf(String label, String condition) {
        this.label = label;
        this.condition = condition;
    }

    /**
     * True for the shelves of what the editorial team has in hand (drafts, what waits for review, what
     * is scheduled, the trash): a handful however large the site. Their own indexes find them, and
     * sorting them for a page costs nothing; walking an order's index of every article to find them
     * cost 20 to 35 ms at 100,000 articles.
     */
    boolean holdsAFew() {
        return this == DRAFTS || this == IN_REVIEW || this == SCHEDULED || this == TRASH;
    }

    public String label() {
        return label;
    }

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** The shelf with this key; everything for an unknown or missing one. */
    public static Shelf parse(String key) {
        for (Shelf shelf : values()) {
            if (shelf.key().equals(key)) {
                return shelf;
            }
        }
        return ALL;
    }
}
