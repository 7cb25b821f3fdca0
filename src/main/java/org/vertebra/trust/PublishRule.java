package org.vertebra.trust;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.vertebra.readability.Readability;
import org.vertebra.readability.ReadabilityReport;

/**
 * What must be true of an article's text before readers may see it, by the site's trust settings:
 * a disclosure (its own or the site's default), and, when the site sets a limit, a reading grade at
 * or under it. Written once: the article service asks it on every save that publishes or schedules,
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

    /** Empty when an article with this disclosure and text may be published. */
    public List<Refusal> refusals(boolean isPage, String disclosure, String markdown) {
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
            ReadabilityReport report = Readability.ofMarkdown(markdown);
            double grade = report.readingGrade();
            if (!Double.isNaN(grade) && grade > p.maxGrade()) {
                refusals.add(new Refusal("markdown", String.format(Locale.ROOT, "The text reads at grade %.1f, and this"
                        + " site publishes articles up to grade %.0f. Shorten long sentences and use plainer words"
                        + " (see Readability and Jargon beside the text).", grade, p.maxGrade())));
            }
        }
        return List.copyOf(refusals);
    }
}
