package org.vertebra.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vertebra.content.Reference;
import org.vertebra.content.ReferenceParser;

/**
 * The evidence check on a patient article with planted mistakes (evidence/knee-osteoarthritis.md,
 * written for this test): it finds each of them and nothing else.
 */
class EvidenceCheckTest {

    private final TestArticle article = TestArticle.load("knee-osteoarthritis.md");
    private final EvidenceReport report = EvidenceCheck.of(article.body(), article.references());

    @Test
    void findsExactlyTheStudiesTheTextNamesWithoutAReference() {
        assertThat(report.unmatchedMentions()).containsExactlyInAnyOrder(
                // no reference by Okafor
                new UnmatchedMention("Okafor et al.", article.lineOf("Okafor")),
                // Lindqvist and Marsh is reference 3, but from 2018
                new UnmatchedMention("Lindqvist and Marsh (2016)", article.lineOf("Lindqvist and Marsh")),
                // no reference from 2009
                new UnmatchedMention("A 2009 trial", article.lineOf("A 2009 trial")),
                // six references, no ninth
                new UnmatchedMention("[9]", article.lineOf("[9]")));
    }

    @Test
    void linesCountFromTheFirstLineOfTheBody() {
        assertThat(report.unmatchedMentions()).contains(new UnmatchedMention("Okafor et al.", 12));
    }

    @Test
    void findsExactlyTheReferenceNoSentenceCites() {
        // 1 by [1]; 2 by "Furlan et al." and [2, 3]; 3 by [2, 3]; 4 by "Zheng et al. (2019)"; 6 repeats 1
        assertThat(report.uncitedReferences()).extracting(UncitedReference::index).containsExactly(5);
        assertThat(report.uncitedReferences().get(0).text()).startsWith("Moreau J, Tanaka H.");
    }

    @Test
    void findsExactlyTheMalformedDoiAndPmid() {
        assertThat(report.invalidIdentifiers()).extracting(InvalidIdentifier::index, InvalidIdentifier::kind,
                InvalidIdentifier::value).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(3, IdentifierKind.DOI, "10.555/onq.2018.12"),
                        org.assertj.core.groups.Tuple.tuple(4, IdentifierKind.PMID, "0312345"));
    }

    @Test
    void findsExactlyTheRepeatedReference() {
        assertThat(report.duplicateReferences()).containsExactly(new DuplicateReference(6, 1, "DOI"));
    }

    @Test
    void aCorrectArticleIsClean() {
        String body = """
                Haldane and colleagues showed that exercise eases knee pain [1]. A 2011 study found
                the same for weight loss (Furlan et al., 2011).

                ## References
                - Haldane R, Achebe N. Exercise for knee pain. J Knee. 2014;2:1-9. doi: 10.5555/jk.1
                - Furlan MA, Osei K. Weight loss and knee pain. Knee Rev. 2011;4:45-52. PMID: 21456789
                """;

        EvidenceReport clean = EvidenceCheck.of(body, references(
                "Haldane R, Achebe N. Exercise for knee pain. J Knee. 2014;2:1-9. doi: 10.5555/jk.1",
                "Furlan MA, Osei K. Weight loss and knee pain. Knee Rev. 2011;4:45-52. PMID: 21456789"));

        assertThat(clean.isClean()).isTrue();
    }

    @Test
    void mentionsInTheReferencesSectionOrInCodeAreNotChecked() {
        String body = """
                Rest helps [1].

                ```
                Okafor et al. (2001) is only an example here
                ```

                ## References
                - Haldane R. Rest. J Knee. 2014;2:1-9. Cited in Okafor et al. (1999).
                """;

        EvidenceReport checked = EvidenceCheck.of(body, references("Haldane R. Rest. J Knee. 2014;2:1-9. Cited in Okafor et al. (1999)."));

        assertThat(checked.isClean()).isTrue();
    }

    @Test
    void movingTheReportDownShiftsOnlyTheLines() {
        EvidenceReport moved = report.movedDown(7);

        assertThat(moved.unmatchedMentions()).contains(new UnmatchedMention("Okafor et al.", 19));
        assertThat(moved.uncitedReferences()).isEqualTo(report.uncitedReferences());
    }

    static List<Reference> references(String... texts) {
        return java.util.Arrays.stream(texts).map(t -> ReferenceParser.parse(t, null)).toList();
    }
}
