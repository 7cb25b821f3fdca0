package org.vertebra.article;

import java.time.Instant;
import java.time.LocalDate;
import org.vertebra.content.Slugs;
import org.vertebra.language.Language;

/**
 * One member of an article's translation group, as language switchers, hreflang links and the
 * desk show it.
 *
 * @param original     whether it is the group's original, which the others translate
 * @param published    whether it is published (perhaps for a later moment: see {@link #isPublicAt})
 * @param reviewedOn   the date of its last medical review; null when none is recorded
 * @param textChanged  when its text last changed: its update date, or its publishing date
 */
public record Translation(long id, String kind, String slug, String title, Language lang, boolean original,
                          boolean published, Instant publishedAt, LocalDate reviewedOn, Instant textChanged) {

    /** Whether readers may see it at this moment. */
    public boolean isPublicAt(Instant now) {
        return published && !publishedAt.isAfter(now);
    }

    public String url() {
        return "/" + Slugs.inPath(slug) + "/";
    }

    /**
     * Whether this translation is out of date in its group: it is not the original, and its text
     * last changed (its update date, else its publishing date, in UTC) before the day the original
     * was last medically reviewed. A review is what vouches for the medical content, so a
     * translation made before it may carry what the review corrected. The original's own changes
     * without a review do not count (a typo fixed, a link mended): the desk shows both dates.
     */
    public boolean isOutOfDateIn(java.util.List<Translation> group) {
        if (original) {
            return false;
        }
        return group.stream().filter(Translation::original).findFirst()
                .map(o -> o.reviewedOn() != null
                        && textChanged.atZone(java.time.ZoneOffset.UTC).toLocalDate().isBefore(o.reviewedOn()))
                .orElse(false);
    }
}
