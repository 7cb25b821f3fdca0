package org.vertebra.desk;

import java.time.Instant;
import org.vertebra.article.EditorialStatus;
import org.vertebra.layout.DateText;

/** The one date a desk list shows for an article: the one that matters for where it stands. */
final class DeskDates {

    private DeskDates() {
    }

    static String describe(EditorialStatus status, Instant publishedAt, Instant modifiedAt, Instant deletedAt) {
        return switch (status) {
            case SCHEDULED -> "appears " + DateText.words(publishedAt) + ", " + time(publishedAt);
            case PUBLISHED -> "published " + DateText.words(publishedAt);
            case TRASH -> "trashed " + DateText.words(deletedAt);
            case DRAFT, IN_REVIEW -> "saved " + DateText.words(modifiedAt) + ", " + time(modifiedAt);
        };
    }

    private static String time(Instant instant) {
        return java.time.format.DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(java.time.ZoneOffset.UTC).format(instant);
    }
}
