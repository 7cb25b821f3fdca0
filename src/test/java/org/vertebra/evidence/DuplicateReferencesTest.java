package org.vertebra.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DuplicateReferencesTest {

    @Test
    void sameDoiInAnyCaseIsADuplicate() {
        assertThat(DuplicateReferences.in(EvidenceCheckTest.references(
                "Lee K. One. 2010. doi: 10.5555/ABC", "Kim S. Two. 2011.", "Lee K. One again. doi: 10.5555/abc")))
                .containsExactly(new DuplicateReference(3, 1, "DOI"));
    }

    @Test
    void samePmidIsADuplicate() {
        assertThat(DuplicateReferences.in(EvidenceCheckTest.references("Lee K. One. PMID: 123", "Lee K. Uno. PMID: 123")))
                .containsExactly(new DuplicateReference(2, 1, "PMID"));
    }

    @Test
    void sameTextApartFromCasePunctuationAndAccentsIsADuplicate() {
        assertThat(DuplicateReferences.in(EvidenceCheckTest.references(
                "Müller K. Knee pain. J Bone. 2010;1:2.", "Kim S. Two.", "muller k, knee pain - j bone 2010 1 2")))
                .containsExactly(new DuplicateReference(3, 1, "text"));
    }

    @Test
    void aThirdCopyPointsAtTheFirst() {
        assertThat(DuplicateReferences.in(EvidenceCheckTest.references("A. PMID: 9", "B. PMID: 9", "C. PMID: 9")))
                .extracting(DuplicateReference::duplicateOf).containsExactly(1, 1);
    }
}
