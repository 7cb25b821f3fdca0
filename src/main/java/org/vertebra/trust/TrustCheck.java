package org.vertebra.trust;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import org.vertebra.evidence.EvidenceReport;
import org.vertebra.layout.DateText;

/**
 * The four benchmarks as rules. Pure: the article page, the desk and {@code vertebra check} give
 * it the same facts and get the same answer.
 * <ul>
 * <li>Authorship: a named author with credentials (and so an author page).</li>
 * <li>Attribution: at least one reference, and the evidence check's findings all resolved.</li>
 * <li>Disclosure: a disclosure shown, the article's own or the site's default.</li>
 * <li>Currency: a medical review within the last {@link #REVIEW_VALID}, the desk's "review due" rule;
 *     the published, updated and reviewed dates are always shown.</li>
 * </ul>
 */
public final class TrustCheck {

    /** How long a medical review stands; the desk's "review due" shelf uses the same period. */
    public static final Period REVIEW_VALID = Period.ofMonths(12);

    private TrustCheck() {
    }

    public static TrustReport of(TrustSubject s, LocalDate today) {
        List<BenchmarkResult> results = new ArrayList<>();
        results.add(authorship(s));
        results.add(attribution(s));
        results.add(disclosure(s));
        results.add(currency(s, today));
        return new TrustReport(results);
    }

    /**
     * The benchmarks of a Markdown file outside the site ({@code vertebra check}): its front matter
     * names the author, but credentials live in the site's author profiles, so a named author meets
     * authorship here and the site checks the credentials when the file is imported.
     */
    public static TrustReport ofFile(TrustSubject s, LocalDate today) {
        List<BenchmarkResult> results = new ArrayList<>(of(s, today).results());
        if (!blank(s.authorName()) && blank(s.authorCredentials())) {
            results.set(0, met(Benchmark.AUTHORSHIP, "By " + s.authorName()
                    + "; the credentials come from the author's profile on the site, which a file does not carry."));
        }
        return new TrustReport(results);
    }

    private static BenchmarkResult authorship(TrustSubject s) {
        if (blank(s.authorName())) {
            return missed(Benchmark.AUTHORSHIP, "No author is named: choose the byline.");
        }
        if (blank(s.authorCredentials())) {
            return missed(Benchmark.AUTHORSHIP, s.authorName() + "'s profile has no credentials: add them under Authors.");
        }
        String reviewer = blank(s.reviewedBy()) ? "" : "; medically reviewed by " + s.reviewedBy();
        return met(Benchmark.AUTHORSHIP, "By " + s.authorName() + ", " + s.authorCredentials() + reviewer + ".");
    }

    private static BenchmarkResult attribution(TrustSubject s) {
        if (s.references().isEmpty()) {
            return missed(Benchmark.ATTRIBUTION, "No references: end the text with a \"## References\" list.");
        }
        EvidenceReport e = s.evidence();
        int findings = e == null ? 0 : e.unmatchedMentions().size() + e.uncitedReferences().size()
                + e.invalidIdentifiers().size() + e.duplicateReferences().size();
        if (findings > 0) {
            return missed(Benchmark.ATTRIBUTION, findings + (findings == 1 ? " evidence finding" : " evidence findings")
                    + " to resolve (see Evidence).");
        }
        return met(Benchmark.ATTRIBUTION, s.references().size() + (s.references().size() == 1 ? " reference" : " references")
                + ", " + s.referencesWithIdentifier() + " with a DOI or PMID; every study mentioned matches one.");
    }

    private static BenchmarkResult disclosure(TrustSubject s) {
        return blank(s.disclosure())
                ? missed(Benchmark.DISCLOSURE, "No disclosure, and the site has no default disclosure.")
                : met(Benchmark.DISCLOSURE, s.disclosure());
    }

    private static BenchmarkResult currency(TrustSubject s, LocalDate today) {
        if (s.reviewedOn() == null) {
            return missed(Benchmark.CURRENCY, "Never medically reviewed.");
        }
        if (s.reviewedOn().isBefore(today.minus(REVIEW_VALID))) {
            return missed(Benchmark.CURRENCY, "Last medically reviewed on " + DateText.words(s.reviewedOn())
                    + ", over 12 months ago: a review is due.");
        }
        return met(Benchmark.CURRENCY, "Medically reviewed on " + DateText.words(s.reviewedOn()) + ".");
    }

    private static BenchmarkResult met(Benchmark b, String detail) {
        return new BenchmarkResult(b, true, detail);
    }

    private static BenchmarkResult missed(Benchmark b, String detail) {
        return new BenchmarkResult(b, false, detail);
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
