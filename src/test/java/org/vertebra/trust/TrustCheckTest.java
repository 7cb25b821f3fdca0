package org.vertebra.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vertebra.content.Reference;
import org.vertebra.evidence.EvidenceCheck;
import org.vertebra.evidence.EvidenceReport;

/** Each of the four benchmarks, met and missed. */
class TrustCheckTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-03-02");
    private static final List<Reference> REFERENCES = List.of(
            new Reference("Smith A. Rest for back pain. Spine. 2015;1:1-2. doi: 10.1234/abcd", "10.1234/abcd", null, null),
            new Reference("Jones B. Walking. BMJ. 2016;2:3-4. PMID: 12345678", null, "12345678", null),
            new Reference("A guideline on the web.", null, null, "https://example.org/guide"));
    private static final String CITED = "Rest helps [1]. Walking helps too [2]. A guideline agrees [3].";

    private static TrustSubject complete() {
        return new TrustSubject("Dr Ann Author", "MD, FRCS", "/author/ann/", "Dr Rita Reviewer", TODAY.minusMonths(2),
                "No conflicts of interest.", REFERENCES, evidence(CITED), Instant.parse("2025-01-01T00:00:00Z"), null);
    }

    private static EvidenceReport evidence(String text) {
        return EvidenceCheck.of(text + "\n\n## References\n\n", REFERENCES);
    }

    private static TrustSubject with(String author, String credentials, LocalDate reviewedOn, String disclosure,
                                     List<Reference> references, EvidenceReport evidence) {
        return new TrustSubject(author, credentials, "/author/x/", null, reviewedOn, disclosure, references, evidence,
                Instant.parse("2025-01-01T00:00:00Z"), null);
    }

    @Test
    void aCompleteArticleMeetsAllFour() {
        TrustReport report = TrustCheck.of(complete(), TODAY);

        assertThat(report.meetsAll()).isTrue();
        assertThat(report.results()).extracting(BenchmarkResult::benchmark).containsExactly(Benchmark.values());
        assertThat(report.of(Benchmark.AUTHORSHIP).detail()).contains("Dr Ann Author, MD, FRCS", "Dr Rita Reviewer");
        assertThat(report.of(Benchmark.ATTRIBUTION).detail()).contains("3 references, 2 with a DOI or PMID");
    }

    @Test
    void authorshipNeedsANamedAuthorWithCredentials() {
        assertThat(TrustCheck.of(with(null, null, TODAY, "x", REFERENCES, evidence(CITED)), TODAY)
                .of(Benchmark.AUTHORSHIP)).satisfies(r -> {
                    assertThat(r.met()).isFalse();
                    assertThat(r.detail()).contains("No author");
                });
        assertThat(TrustCheck.of(with("Ann", " ", TODAY, "x", REFERENCES, evidence(CITED)), TODAY)
                .of(Benchmark.AUTHORSHIP).detail()).contains("Ann's profile has no credentials");
    }

    @Test
    void attributionNeedsReferencesAndAResolvedEvidenceCheck() {
        assertThat(TrustCheck.of(with("Ann", "MD", TODAY, "x", List.of(), evidence("Plain text.")), TODAY)
                .of(Benchmark.ATTRIBUTION).met()).isFalse();
        // Reference 3 is never cited, and "Brown et al." matches none: two findings.
        BenchmarkResult unresolved = TrustCheck.of(with("Ann", "MD", TODAY, "x", REFERENCES,
                evidence("Rest helps [1]. Walking helps [2]. Brown et al. disagree.")), TODAY).of(Benchmark.ATTRIBUTION);
        assertThat(unresolved.met()).isFalse();
        assertThat(unresolved.detail()).startsWith("2 evidence findings");
    }

    @Test
    void disclosureNeedsText() {
        assertThat(TrustCheck.of(with("Ann", "MD", TODAY, null, REFERENCES, evidence(CITED)), TODAY)
                .of(Benchmark.DISCLOSURE).met()).isFalse();
        assertThat(TrustCheck.of(with("Ann", "MD", TODAY, "Funded by nobody.", REFERENCES, evidence(CITED)), TODAY)
                .of(Benchmark.DISCLOSURE).met()).isTrue();
    }

    @Test
    void currencyNeedsAMedicalReviewWithinTwelveMonths() {
        assertThat(TrustCheck.of(with("Ann", "MD", null, "x", REFERENCES, evidence(CITED)), TODAY)
                .of(Benchmark.CURRENCY).detail()).isEqualTo("Never medically reviewed.");
        assertThat(TrustCheck.of(with("Ann", "MD", LocalDate.parse("2025-03-01"), "x", REFERENCES, evidence(CITED)), TODAY)
                .of(Benchmark.CURRENCY)).satisfies(r -> {
                    assertThat(r.met()).isFalse();
                    assertThat(r.detail()).contains("1 March 2025", "a review is due");
                });
        assertThat(TrustCheck.of(with("Ann", "MD", LocalDate.parse("2025-03-02"), "x", REFERENCES, evidence(CITED)), TODAY)
                .of(Benchmark.CURRENCY).met()).isTrue();
    }

    @Test
    void theSiteDefaultDisclosureStandsInForAMissingOne() {
        TrustPolicy policy = new TrustPolicy("The site's default.", null);

        assertThat(policy.disclosureFor(null)).isEqualTo("The site's default.");
        assertThat(policy.disclosureFor("  ")).isEqualTo("The site's default.");
        assertThat(policy.disclosureFor("Own.")).isEqualTo("Own.");
        assertThat(TrustPolicy.NONE.disclosureFor("")).isNull();
    }

    @Test
    void thePublishRuleRefusesAnArticleWithoutAnyDisclosureButNotAPage() {
        PublishRule rule = new PublishRule(() -> TrustPolicy.NONE);

        assertThat(rule.refusals(false, null, "Text.")).singleElement()
                .satisfies(r -> assertThat(r.field()).isEqualTo("disclosure"));
        assertThat(rule.refusals(false, "Own disclosure.", "Text.")).isEmpty();
        assertThat(rule.refusals(true, null, "An about page.")).isEmpty();
        assertThat(new PublishRule(() -> new TrustPolicy("Default.", null)).refusals(false, null, "Text.")).isEmpty();
    }

    @Test
    void thePublishRuleRefusesTextAboveTheSitesGrade() {
        String hard = "Postoperative rehabilitation necessitates comprehensive multidisciplinary collaboration between"
                + " physiotherapists, orthopaedic surgeons and occupational therapists, particularly following"
                + " complicated arthroplasty procedures involving considerable musculoskeletal reconstruction.";
        PublishRule limited = new PublishRule(() -> new TrustPolicy("Default.", 8.0));

        assertThat(limited.refusals(false, null, hard)).singleElement().satisfies(r -> {
            assertThat(r.field()).isEqualTo("markdown");
            assertThat(r.message()).contains("publishes articles up to grade 8");
        });
        assertThat(limited.refusals(false, null, "Rest the knee. Use ice. See a doctor if it gets worse.")).isEmpty();
        assertThat(new PublishRule(() -> new TrustPolicy("Default.", null)).refusals(false, null, hard)).isEmpty();
    }

    @Test
    void theGradeLimitHoldsOnlyLanguagesWhoseFormulaGivesASchoolGrade() {
        // Spanish formulas give a reading ease, not a grade: no English grade stands in for one, so no limit applies.
        String spanish = "La artroplastia total de rodilla reduce considerablemente el dolor articular crónico.";
        // German's Wiener Sachtextformel gives a school grade (here 26, beyond the scale's 15), held to the limit as English is.
        String german = "Die postoperative Rehabilitation erfordert umfangreiche interdisziplinäre Zusammenarbeit"
                + " zwischen Physiotherapeuten, orthopädischen Chirurgen und Ergotherapeuten nach komplizierten"
                + " Gelenkersatzoperationen.";
        PublishRule limited = new PublishRule(() -> new TrustPolicy("Default.", 8.0));

        assertThat(limited.refusals(false, null, spanish, null, "es")).isEmpty();
        assertThat(limited.aboveGradeLimit(spanish, "es")).isFalse();
        assertThat(limited.refusals(false, null, german, null, "de")).singleElement()
                .satisfies(r -> assertThat(r.message()).contains("publishes articles up to grade 8"));
        assertThat(limited.aboveGradeLimit(german, "de")).isTrue();
        assertThat(limited.aboveGradeLimit("घुटने में दर्द है।", "hi")).isFalse();
    }

    @Test
    void settingsRefuseAnEmptyDefaultAndAGradeOutOfRange() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TrustSettingsChange.parse(" ", "20"))
                .isInstanceOfSatisfying(org.vertebra.form.Invalid.class, invalid -> assertThat(invalid.problems())
                        .extracting(org.vertebra.form.FieldProblem::field).containsExactly("defaultDisclosure", "maxGrade"));
        assertThat(TrustSettingsChange.parse("None.", "")).isEqualTo(new TrustSettingsChange("None.", null));
        assertThat(TrustSettingsChange.parse("None.", " 8 ")).isEqualTo(new TrustSettingsChange("None.", 8));
    }
}
