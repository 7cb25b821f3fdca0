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

    // --- reference lines as WordPress sites write them, copied from PubMed ---

    private static String doiHref(String line) {
        return ReferenceParser.parse(line, null).doiUrl();
    }

    @Test
    void doiEndsAtTheSpaceBeforeAPubMedLabel() {
        assertThat(doiHref("Wu X. Acupuncture. J Tradit Chin Med. 2013;33(4):1-5. doi: 10.1016/S0254-6272(13)60066-7. [PubMed]"))
                .isEqualTo("https://doi.org/10.1016/S0254-6272(13)60066-7");
    }

    @Test
    void doiEndsAtANoBreakSpaceBeforeAPubMedLabel() {
        assertThat(doiHref("Wu X. Acupuncture. J Tradit Chin Med. 2013;33(4):1-5. doi: 10.1016/S0254-6272(13)60066-7.\u00a0[PubMed]"))
                .isEqualTo("https://doi.org/10.1016/S0254-6272(13)60066-7");
    }

    @Test
    void doiEndsAtThinAndNarrowNoBreakSpaces() {
        assertThat(doiHref("doi: 10.1056/NEJMoa2034577\u2009[PubMed]")).isEqualTo("https://doi.org/10.1056/NEJMoa2034577");
        assertThat(doiHref("doi:\u202f10.1056/NEJMoa2034577.\u202f[PubMed]")).isEqualTo("https://doi.org/10.1056/NEJMoa2034577");
    }

    @Test
    void doiEndsAtTwoSpacesBeforeAPubMedLabel() {
        assertThat(doiHref("Ann Intern Med. 2011;155(1):1-9. doi: 10.7326/0003-4819-155-1-201107050-00002.  [PubMed]"))
                .isEqualTo("https://doi.org/10.7326/0003-4819-155-1-201107050-00002");
    }

    @Test
    void doiInsideParenthesesLeavesTheClosingOneOut() {
        assertThat(doiHref("Polack FP. Safety of a vaccine. N Engl J Med. 2020 (doi:10.1056/NEJMoa2034577)"))
                .isEqualTo("https://doi.org/10.1056/NEJMoa2034577");
    }

    @Test
    void doiAddressFollowedByACommaLeavesTheCommaOut() {
        Reference ref = ReferenceParser.parse("Polack FP. N Engl J Med. https://doi.org/10.1056/NEJMoa2034577, accessed 2020", null);

        assertThat(ref.doiUrl()).isEqualTo("https://doi.org/10.1056/NEJMoa2034577");
        assertThat(ref.url()).isNull();
    }

    @Test
    void doiFollowedByPubMedCentralLabelsLinksOnlyTheDoi() {
        String line = "Wu X. J Tradit Chin Med. 2013. doi: 10.1016/S0254-6272(13)60066-7. [PMC free article] [PubMed] [Google Scholar]";

        assertThat(doiHref(line)).isEqualTo("https://doi.org/10.1016/S0254-6272(13)60066-7");
        assertThat(doiHref(line.replace(' ', '\u00a0'))).isEqualTo("https://doi.org/10.1016/S0254-6272(13)60066-7");
    }

    @Test
    void doiGluedToALabelEndsBeforeIt() {
        assertThat(doiHref("doi: 10.1016/S0254-6272(13)60066-7.[PubMed]")).isEqualTo("https://doi.org/10.1016/S0254-6272(13)60066-7");
        assertThat(doiHref("doi: 10.1056/NEJMoa2034577[PMC free article]")).isEqualTo("https://doi.org/10.1056/NEJMoa2034577");
    }

    @Test
    void doiWithBalancedParenthesesKeepsThemBeforeAPubMedLabel() {
        assertThat(doiHref("Huang C. Lancet. 2020;395:497-506. doi: 10.1016/S0140-6736(20)30183-5.\u00a0[PubMed]"))
                .isEqualTo("https://doi.org/10.1016/S0140-6736(20)30183-5");
    }

    @Test
    void doiWithCharactersAUrlMayNotHoldIsPercentEncodedInItsAddress() {
        Reference ref = ReferenceParser.parse(
                "Stat Med. 1998. doi: 10.1002/(SICI)1097-0258(19980815/30)17:15/16<1661::AID-SIM968>3.0.CO;2-#", null);

        assertThat(ref.doi()).isEqualTo("10.1002/(SICI)1097-0258(19980815/30)17:15/16<1661::AID-SIM968>3.0.CO;2-#");
        assertThat(ref.doiUrl()).isEqualTo("https://doi.org/10.1002/(SICI)1097-0258(19980815/30)17:15/16%3C1661::AID-SIM968%3E3.0.CO;2-%23");
    }

    @Test
    void doiFromAnEncodedAddressIsDecodedOnce() {
        Reference ref = ReferenceParser.parse("Stat Med. https://doi.org/10.1002/%28SICI%291097-0258", null);

        assertThat(ref.doi()).isEqualTo("10.1002/(SICI)1097-0258");
        assertThat(ref.doiUrl()).isEqualTo("https://doi.org/10.1002/(SICI)1097-0258");
    }

    @Test
    void pmidGluedToAPubMedLabelIsFound() {
        assertThat(ReferenceParser.parse("Smith J. 2011. PMID: 12345678[PubMed]", null).pubmedUrl())
                .isEqualTo("https://pubmed.ncbi.nlm.nih.gov/12345678/");
        assertThat(ReferenceParser.parse("Smith J. 2011. PMID:\u00a012345678.\u00a0[PubMed]", null).pmid()).isEqualTo("12345678");
    }

    @Test
    void webAddressEndsAtANoBreakSpace() {
        assertThat(ReferenceParser.parse("NICE. Low back pain. https://www.nice.org.uk/guidance/ng59\u00a0[Google Scholar]", null).url())
                .isEqualTo("https://www.nice.org.uk/guidance/ng59");
        assertThat(ReferenceParser.parse("NICE. https://www.nice.org.uk/guidance/ng59.\u00a0Accessed 2024.", null).url())
                .isEqualTo("https://www.nice.org.uk/guidance/ng59");
    }
}
