package org.vertebra.trust;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.vertebra.pemat.PematScore;
import org.vertebra.readability.Readability;
import org.vertebra.readability.ReadabilityReport;

/**
 * What must be true of an article's text before readers may see it, by the site's trust settings:
 * a disclosure (its own or the site's default), and, when the site sets a limit, a reading grade at
 * or under it. The grade is the text's language's (see Readability): English and German give a
 * school grade and are held to the limit; a language whose formulas give a reading-ease score
 * (Spanish, French) or none has no grade, and no grade limit applies to it, since holding it to an
 * English grade would judge it by rules made for another language.
 * Written once: the article service asks it on every save that publishes or schedules,
 * whether from the desk or an import. Static pages (About, Contact) carry no disclosure and are
 * not held to it.
 */
public final class PublishRule {

    /** Why an article cannot be published, on the editor's field that fixes it. */
    public record Refusal(String field, String message) {
    }

    private final Supplier<TrustPolicy> policy;

    public PublishRule(Supplier<TrustPolicy> policy) {
        this.policy = policy;
    }

    /** The site's settings as they stand now. */
    public TrustPolicy policy() {
        return policy.get();
    }

    /** Empty when a new article with this disclosure and text may be published. */
    public List<Refusal> refusals(boolean isPage, String disclosure, String markdown) {
        return refusals(isPage, disclosure, markdown, null, "en");
    }

    /**
     * Empty when an article with this disclosure and text may be published. The grade limit holds
     * new publications and changes that raise the grade; a change to an article already published
     * above the limit (an urgent safety fix) is not held to it as long as it does not read harder
     * than before ({@code publishedMarkdown}: the text readers see now, or null).
     */
    public List<Refusal> refusals(boolean isPage, String disclosure, String markdown, String publishedMarkdown, String lang) {
        if (isPage) {
            return List.of();
        }
        TrustPolicy p = policy.get();
        List<Refusal> refusals = new ArrayList<>();
        if (p.disclosureFor(disclosure) == null) {
            refusals.add(new Refusal("disclosure", "Write a disclosure before publishing (conflicts of interest, funding,"
                    + " sponsorship; for example \"The author declares no conflicts of interest.\"). An administrator can"
                    + " also set the site's default disclosure under Settings, Trust."));
        }
        if (p.maxGrade() != null) {
            ReadabilityReport report = Readability.ofMarkdown(markdown, lang);
            double grade = report.readingGrade();
            double before = publishedMarkdown == null ? Double.NaN : Readability.ofMarkdown(publishedMarkdown, lang).readingGrade();
            boolean raises = Double.isNaN(before) || grade > before;
            if (!Double.isNaN(grade) && grade > p.maxGrade() && raises) {
                refusals.add(new Refusal("markdown", String.format(Locale.ROOT, "The text reads at grade %.1f, and this"
                        + " site publishes articles up to grade %.0f. Shorten long sentences and use plainer words"
                        + " (see Readability and Jargon beside the text).", grade, p.maxGrade())));
            }
        }
        return List.copyOf(refusals);
    }

    /**
     * Empty when an article with this PEMAT score may be published by the site's minimum: every item
     * rated (by Vertebra or the editor) and both scores at or above it. The desk asks it for a new
     * publication or schedule only; a change to a published article is saved with a warning, as a
     * fix above the grade limit is. A domain whose items are all "not applicable" has no score and
     * is not held to the minimum.
     */
    public List<Refusal> pematRefusals(PematScore score) {
        Integer minimum = policy.get().minPemat();
        if (minimum == null) {
            return List.of();
        }
        int unanswered = score.understandability().unanswered() + score.actionability().unanswered();
        if (unanswered > 0) {
            return List.of(new Refusal("pemat", "Answer " + unanswered + " PEMAT item" + (unanswered == 1 ? "" : "s")
                    + " before publishing: this site asks for PEMAT scores of " + minimum + " % (see PEMAT beside the text)."));
        }
        List<Refusal> refusals = new ArrayList<>();
        below("Understandability", score.understandability(), minimum).ifPresent(refusals::add);
        below("Actionability", score.actionability(), minimum).ifPresent(refusals::add);
        return List.copyOf(refusals);
    }

    /** True when the site sets a PEMAT minimum and this score does not meet it. */
    public boolean belowPematMinimum(PematScore score) {
        return !pematRefusals(score).isEmpty();
    }

    private static java.util.Optional<Refusal> below(String name, PematScore.Part part, int minimum) {
        // compared as the tool reports it, a whole percentage, so the message never reads "70 %, asks for 70 %"
        if (part.rated() == 0 || part.percent().getAsInt() >= minimum) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Refusal("pemat", name + " " + part.percent().getAsInt() + " %, this site asks for "
                + minimum + " %. Change the text or your answers (see PEMAT beside the text)."));
    }

    /** True when the site sets a grade limit and this text, in this language, reads above it. */
    public boolean aboveGradeLimit(String markdown, String lang) {
        Double limit = policy.get().maxGrade();
        double grade = limit == null ? Double.NaN : Readability.ofMarkdown(markdown, lang).readingGrade();
        return !Double.isNaN(grade) && grade > limit;
    }
}
