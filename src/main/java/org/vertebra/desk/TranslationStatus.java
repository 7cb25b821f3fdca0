package org.vertebra.desk;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.vertebra.article.PublishedArticles;
import org.vertebra.article.Translation;

/**
 * Where an article stands in its translation group, as the desk's list and the evidence report
 * show it: for an original, the translations it has and which of them are out of date; for a
 * translation, its original and whether it is out of date (see {@link Translation#isOutOfDateIn}).
 *
 * @param original           the group's original when this is a translation; null for an original
 * @param outOfDate          whether this translation is older than its original's last medical review
 * @param translations       for an original, its translations; empty otherwise
 */
public record TranslationStatus(Translation original, boolean outOfDate, List<Other> translations) {

    /** A translation of an original, as its line names it. */
    public record Other(String language, String tag, String editUrl, boolean outOfDate) {
    }

    public static final TranslationStatus ALONE = new TranslationStatus(null, false, List.of());

    /** The status of the article with this id in its group (the group as PublishedArticles.translationGroups reads it). */
    static TranslationStatus of(long id, List<Translation> group) {
        Optional<Translation> self = group.stream().filter(t -> t.id() == id).findFirst();
        if (self.isEmpty() || group.size() < 2) {
            return ALONE;
        }
        if (!self.get().original()) {
            return new TranslationStatus(group.stream().filter(Translation::original).findFirst().orElse(null),
                    self.get().isOutOfDateIn(group), List.of());
        }
        return new TranslationStatus(null, false, group.stream().filter(t -> t.id() != id)
                .map(t -> new Other(t.lang().englishName(), t.lang().tag(), "/admin/articles/" + t.id() + "/edit/",
                        t.isOutOfDateIn(group)))
                .toList());
    }

    public boolean isTranslation() {
        return original != null;
    }

    /** The date of the original's last medical review, which an out-of-date translation predates. */
    public LocalDate reviewedOn() {
        return original == null ? null : original.reviewedOn();
    }

    /**
     * One line of text for the CSV and screen readers: "translation of Back pain; out of date
     * (original reviewed 2026-03-01)", "translations: Spanish (es), Hindi (hi, out of date)", or "".
     */
    public String text() {
        if (original != null) {
            return "translation of " + original.title() + (outOfDate ? "; out of date (original reviewed " + reviewedOn() + ")" : "");
        }
        if (translations.isEmpty()) {
            return "";
        }
        return "translations: " + String.join(", ", translations.stream()
                .map(t -> t.language() + " (" + t.tag() + (t.outOfDate() ? ", out of date" : "") + ")").toList());
    }
}
