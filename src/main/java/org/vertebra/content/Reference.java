package org.vertebra.content;

/**
 * One entry of an article's reference list: its text as written, and the identifiers found in it.
 * Any identifier may be null.
 */
public record Reference(String text, String doi, String pmid, String url) {

    public String doiUrl() {
        return doi == null ? null : IdentifierText.doiAddress(doi);
    }

    public String pubmedUrl() {
        return pmid == null ? null : "https://pubmed.ncbi.nlm.nih.gov/" + pmid + "/";
    }
}
