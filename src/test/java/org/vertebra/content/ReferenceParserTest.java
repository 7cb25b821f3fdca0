package org.vertebra.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReferenceParserTest {

    @Test
    void stripsTrailingPeriodFromDoi() {
        Reference ref = ReferenceParser.parse("Smith J. Heel pain. Foot. 2020;1:2. doi: 10.1234/abcd.", null);

        assertThat(ref.doi()).isEqualTo("10.1234/abcd");
        assertThat(ref.doiUrl()).isEqualTo("https://doi.org/10.1234/abcd");
    }

    @Test
    void readsDoiOrgUrlAsDoiNotAsUrl() {
        Reference ref = ReferenceParser.parse("Smith J. Heel pain. https://doi.org/10.1000/xyz123", null);

        assertThat(ref.doi()).isEqualTo("10.1000/xyz123");
        assertThat(ref.url()).isNull();
    }

    @Test
    void readsDoiFromDxDoiOrgLink() {
        Reference ref = ReferenceParser.parse("Smith J. Heel pain.", "https://dx.doi.org/10.1000/xyz123");

        assertThat(ref.doi()).isEqualTo("10.1000/xyz123");
        assertThat(ref.url()).isNull();
    }

    @Test
    void findsPmidWithOrWithoutColon() {
        assertThat(ReferenceParser.parse("Smith J. Heel pain. PMID: 12345678", null).pmid()).isEqualTo("12345678");
        assertThat(ReferenceParser.parse("Smith J. Heel pain. PMID 12345678.", null).pmid()).isEqualTo("12345678");
    }

    @Test
    void linksPmidToPubmed() {
        Reference ref = ReferenceParser.parse("PMID: 12345678", null);

        assertThat(ref.pubmedUrl()).isEqualTo("https://pubmed.ncbi.nlm.nih.gov/12345678/");
    }

    @Test
    void findsPlainWebAddressWithoutTheSentencePeriod() {
        Reference ref = ReferenceParser.parse("NICE guideline NG59. https://www.nice.org.uk/guidance/ng59.", null);

        assertThat(ref.url()).isEqualTo("https://www.nice.org.uk/guidance/ng59");
        assertThat(ref.doi()).isNull();
        assertThat(ref.pmid()).isNull();
    }

    @Test
    void prefersTheLinkOfTheItemOverAddressesInItsText() {
        Reference ref = ReferenceParser.parse("Guide https://example.org/other", "https://example.org/guide");

        assertThat(ref.url()).isEqualTo("https://example.org/guide");
    }

    @Test
    void keepsDoiWithBalancedParenthesesWhole() {
        Reference ref = ReferenceParser.parse("Huang C. Lancet. 2020. doi: 10.1016/S0140-6736(20)30183-5", null);

        assertThat(ref.doi()).isEqualTo("10.1016/S0140-6736(20)30183-5");
    }

    @Test
    void dropsClosingParenthesisThatBelongsToTheSentence() {
        Reference ref = ReferenceParser.parse("Huang C. Lancet (doi: 10.1016/S0140-6736(20)30183-5).", null);

        assertThat(ref.doi()).isEqualTo("10.1016/S0140-6736(20)30183-5");
    }

    @Test
    void findsDoiPmidAndUrlTogether() {
        Reference ref = ReferenceParser.parse(
                "Smith J. doi: 10.1234/abcd; PMID: 998877; full text https://example.org/paper", null);

        assertThat(ref.doi()).isEqualTo("10.1234/abcd");
        assertThat(ref.pmid()).isEqualTo("998877");
        assertThat(ref.url()).isEqualTo("https://example.org/paper");
    }

    @Test
    void keepsReferenceWithoutIdentifiersAsText() {
        Reference ref = ReferenceParser.parse("  Smith J. Clinical Anatomy. 3rd ed. Elsevier; 2019.  ", null);

        assertThat(ref.text()).isEqualTo("Smith J. Clinical Anatomy. 3rd ed. Elsevier; 2019.");
        assertThat(ref.doi()).isNull();
        assertThat(ref.pmid()).isNull();
        assertThat(ref.url()).isNull();
        assertThat(ref.doiUrl()).isNull();
        assertThat(ref.pubmedUrl()).isNull();
    }
}
