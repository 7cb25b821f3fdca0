package org.vertebra.trust;

import java.time.Instant;
import java.time.LocalDate;
import org.vertebra.language.Messages;
import org.vertebra.layout.DateText;

/**
 * What readers see of the benchmarks under an article's references, "About this article's
 * evidence": who wrote and reviewed it, how many sources it has and how many can be followed to
 * the study (DOI or PMID), the disclosure, the dates, and the editorial policy. Built when the page
 * is rendered (pages are cached), from facts the page has already read.
 *
 * @param policyUrl the editorial policy page, or null when the site has none published
 */
public record TrustPanel(String authorName, String authorUrl, String authorCredentials, String reviewedBy,
                         When reviewed, int references, int withIdentifier, String disclosure, When published,
                         When updated, String policyUrl) {

    /** The address of the page that explains how articles are written and reviewed, when it exists. */
    public static final String POLICY_SLUG = "editorial-policy";

    /** A date in words and in ISO form for {@code <time datetime>}. */
    public record When(String text, String iso) {

        static When of(Instant instant, Messages text) {
            return instant == null ? null : new When(text.date(instant), DateText.iso(instant));
        }

        static When of(LocalDate date, Messages text) {
            return date == null ? null : new When(text.date(date), date.toString());
        }
    }

    /** The panel with its dates in words of the page's language ({@code text}). */
    public static TrustPanel of(TrustSubject s, String policyUrl, Messages text) {
        Instant updated = s.updatedAt() != null && !s.updatedAt().equals(s.publishedAt()) ? s.updatedAt() : null;
        return new TrustPanel(s.authorName(), s.authorUrl(), s.authorCredentials(), s.reviewedBy(),
                When.of(s.reviewedOn(), text), s.references().size(), s.referencesWithIdentifier(), s.disclosure(),
                When.of(s.publishedAt(), text), When.of(updated, text), policyUrl);
    }
}
