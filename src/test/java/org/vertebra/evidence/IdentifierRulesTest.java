package org.vertebra.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vertebra.content.ReferenceParser;

/** DOIs against Crossref's recommended pattern; PMIDs as 1 to 8 digits without a leading zero. */
class IdentifierRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"10.1016/S0140-6736(20)30183-5", "10.1097/BRS.0000000000001234", "10.5555/12345678",
            "10.1002/14651858.CD001929.pub3", "10.123456789/a;b:c"})
    void acceptsDoisOfCrossrefsPattern(String doi) {
        assertThat(IdentifierRules.doiProblem(doi)).isEmpty();
    }

    @Test
    void explainsWhatIsWrongWithAMalformedDoi() {
        assertThat(IdentifierRules.doiProblem("10.555/abc")).hasValueSatisfying(r -> assertThat(r).contains("4 to 9 digits"));
        assertThat(IdentifierRules.doiProblem("10.5555abc")).hasValueSatisfying(r -> assertThat(r).contains("slash"));
        assertThat(IdentifierRules.doiProblem("10.5555/")).hasValueSatisfying(r -> assertThat(r).contains("suffix"));
        assertThat(IdentifierRules.doiProblem("11.5555/abc")).hasValueSatisfying(r -> assertThat(r).contains("starts with"));
        assertThat(IdentifierRules.doiProblem("10.5555/ab<c>")).hasValueSatisfying(r -> assertThat(r).contains("\"<\""));
    }

    @Test
    void acceptsPmidsOfOneToEightDigits() {
        assertThat(IdentifierRules.pmidProblem("1")).isEmpty();
        assertThat(IdentifierRules.pmidProblem("39876543")).isEmpty();
    }

    @Test
    void rejectsPmidsWithLeadingZerosLettersOrTooManyDigits() {
        assertThat(IdentifierRules.pmidProblem("0123")).isPresent();
        assertThat(IdentifierRules.pmidProblem("12a45")).isPresent();
        assertThat(IdentifierRules.pmidProblem("123456789")).isPresent();
    }

    @Test
    void readsIdentifiersWhereTheyAreWrittenEvenWhenTheParserMissedThem() {
        var reference = ReferenceParser.parse("Lee K. Title. J Bone. 2010. doi: 10.12/x. PMID: 12a45.", null);

        assertThat(reference.doi()).isNull();
        assertThat(IdentifierRules.check(2, reference)).extracting(InvalidIdentifier::kind, InvalidIdentifier::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(IdentifierKind.DOI, "10.12/x"),
                        org.assertj.core.groups.Tuple.tuple(IdentifierKind.PMID, "12a45"));
    }

    @Test
    void aDoiGivenAsAnAddressIsCheckedOnce() {
        var reference = ReferenceParser.parse("Lee K. Title. 2010. doi: https://doi.org/10.5555/ok.1 PMID: 21456789", null);

        assertThat(IdentifierRules.check(1, reference)).isEmpty();
    }

    @Test
    void aGoodDoiAndPmidBeforePubMedLabelsAfterANoBreakSpaceAreNotReported() {
        var reference = ReferenceParser.parse("Wu X. J Tradit Chin Med. 2013. doi: 10.1016/S0254-6272(13)60066-7.\u00a0[PubMed]"
                + " PMID:\u00a024063386[PubMed] [PMC free article] [Google Scholar]", null);

        assertThat(IdentifierRules.check(1, reference)).isEmpty();
    }
}
