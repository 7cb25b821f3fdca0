package org.vertebra.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vertebra.reference.VancouverFormatterTest.author;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the editor is told for each kind of reference it sends, with look-ups answered from memory. */
class ReferenceServiceTest {

    static final Citation MOSELEY = new Citation(List.of(author("Moseley", "JB"), author("O'Malley", "K")),
            "A controlled trial of arthroscopic surgery for osteoarthritis of the knee.", "N Engl J Med", "2002", "347", "2",
            "81-8", "10.1056/NEJMoa013259", null, null);

    /** Knows Moseley 2002 by its DOI; every PMID look-up fails as this reason says, or finds Moseley when null. */
    record MemoryLookup(LookupFailure.Reason pmidFailure) implements ReferenceLookup {
        @Override
        public Optional<Citation> byDoi(String doi) {
            return Optional.ofNullable(Map.of("10.1056/NEJMoa013259", MOSELEY).get(Identifiers.doi(doi)));
        }

        @Override
        public Optional<Citation> byPmid(String pmid) {
            if (pmidFailure != null) {
                throw new LookupFailure(pmidFailure, "PubMed did not answer within 5 seconds. Try again later.");
            }
            return Identifiers.pmid(pmid).equals("12110735")
                    ? Optional.of(MOSELEY.withMissingIdentifiers(null, "12110735")) : Optional.empty();
        }
    }

    private final ReferenceService service = new ReferenceService(new MemoryLookup(LookupFailure.Reason.TIMED_OUT));

    @Test
    void theIdentifiersOfAReferenceAsWrittenAreLookedUpAndKept() {
        FormattedReference answer = service.format(
                "Moseley JB et al. Arthroscopy for the knee. NEJM 2002. doi: 10.1056/NEJMoa013259. PMID: 12110735", null, null, null);

        assertThat(answer.problems()).as("PubMed's time-out no longer matters").isEmpty();
        assertThat(answer.citation().pmid()).isEqualTo("12110735");
        assertThat(answer.vancouver()).isEqualTo("Moseley JB, O'Malley K. A controlled trial of arthroscopic surgery for"
                + " osteoarthritis of the knee. N Engl J Med. 2002;347(2):81-8. doi:10.1056/NEJMoa013259. PMID: 12110735.");
    }

    @Test
    void partsTheWriterEnteredAreFormattedWithoutALookUp() {
        Citation entered = new Citation(List.of(author("Doe", "J")), "Heel pain", "Foot", "2012", "5", "3", "3-15", null, null, null);

        FormattedReference answer = new ReferenceService(new NoLookup()).format(null, "https://doi.org/10.1234/abcd", "", entered);

        assertThat(answer.problems()).isEmpty();
        assertThat(answer.vancouver()).isEqualTo("Doe J. Heel pain. Foot. 2012;5(3):3-15. doi:10.1234/abcd.");
    }

    @Test
    void aDoiNobodyKnowsIsSaidEvenWhenThePmidFindsTheArticle() {
        FormattedReference answer = new ReferenceService(new MemoryLookup(null)).format(null, "10.1056/typo", "12110735", null);

        assertThat(answer.citation()).isNotNull();
        assertThat(answer.problems()).containsExactly(new ReferenceProblem(ReferenceProblem.Kind.NOT_FOUND,
                "No publication has the DOI 10.1056/typo. Check it against the article."));
    }

    @Test
    void whenNothingIsFoundEveryReasonIsGiven() {
        FormattedReference answer = service.format(null, "10.1056/typo", "12110735", null);

        assertThat(answer.vancouver()).isNull();
        assertThat(answer.citation()).isNull();
        assertThat(answer.problems()).extracting(ReferenceProblem::kind)
                .containsExactly(ReferenceProblem.Kind.NOT_FOUND, ReferenceProblem.Kind.TIMED_OUT);
    }

    @Test
    void invalidIdentifiersAndEmptyRequestsAreExplained() {
        assertThat(service.format(null, "10.10/abc", "123456789", null).problems()).extracting(ReferenceProblem::kind)
                .containsExactly(ReferenceProblem.Kind.INVALID_DOI, ReferenceProblem.Kind.INVALID_PMID);
        assertThat(service.format("Doe J. Heel pain. Foot. 2012.", null, null, null).problems())
                .containsExactly(new ReferenceProblem(ReferenceProblem.Kind.NOTHING_GIVEN,
                        "The reference has no DOI or PMID to look up: add one, or enter its parts."));
        assertThat(service.format(null, null, null, null).problems()).extracting(ReferenceProblem::message)
                .containsExactly("Give the reference's DOI or PMID, or its parts.");
        assertThat(service.lookUp("heel pain").problems()).extracting(ReferenceProblem::kind)
                .containsExactly(ReferenceProblem.Kind.INVALID_IDENTIFIER);
    }

    @Test
    void withLookUpsOffTheEditorIsToldHowToTurnThemOn() {
        ReferenceService off = new ReferenceService(new NoLookup());

        assertThat(off.lookupsEnabled()).isFalse();
        assertThat(off.lookUp("10.1056/NEJMoa013259").problems()).containsExactly(
                new ReferenceProblem(ReferenceProblem.Kind.LOOKUPS_OFF, NoLookup.DOI_OFF));
    }

    @Test
    void problemKindsReadAsWordsInJson() {
        assertThat(ReferenceProblem.Kind.MALFORMED_ANSWER.code()).isEqualTo("malformed-answer");
        assertThat(ReferenceRoutes.status(new ReferenceProblem(ReferenceProblem.Kind.TIMED_OUT, ""))).isEqualTo(504);
    }
}
