package org.vertebra.retraction;

/**
 * A reference of an article that a notice flags: retracted, withdrawn, under an expression of
 * concern, or corrected.
 *
 * @param index  its number in the reference list, from 1
 * @param kind   retraction, withdrawal, expression_of_concern or correction
 * @param notice the notice's DOI, or PubMed's words for it
 */
public record RetractedReference(int index, String doi, String pmid, String kind, String notice) {

    /** How the editor reads the kind. */
    public String label() {
        return new org.vertebra.reference.UpdateNotice(kind, notice, "").label();
    }

    /** Whether readers should no longer rely on it (retracted or withdrawn), rather than read it with care. */
    public boolean isRetraction() {
        return new org.vertebra.reference.UpdateNotice(kind, notice, "").isRetraction();
    }
}
