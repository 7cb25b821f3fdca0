package org.vertebra.reference;

import java.util.List;

/**
 * What a reference list needs to know about one publication, in the parts Vancouver (NLM) style
 * arranges. Every part but the author list may be null; the list is never null.
 *
 * @param journal  the journal's NLM abbreviation ("J Bone Joint Surg Am"), or its full name when
 *                 no abbreviation is known
 * @param year     the year of publication, as written ("2019")
 * @param pages    as published ("123-129", "e1234"); the formatter shortens ranges
 * @param doi      normalised by {@link Identifiers#doi}, without "doi:" or a doi.org address
 */
public record Citation(
        List<Author> authors,
        String title,
        String journal,
        String year,
        String volume,
        String issue,
        String pages,
        String doi,
        String pmid,
        String url) {

    public Citation {
        authors = authors == null ? List.of() : List.copyOf(authors);
    }

    /**
     * One author as NLM lists them: surname and initials without full stops ("Smith", "JA").
     * A group author ("WHO Collaborating Group") has its name as surname and no initials.
     */
    public record Author(String surname, String initials) {

        public Author {
            surname = surname == null ? "" : surname.strip();
            initials = initials == null ? "" : initials.strip();
        }

        /** Initials from given names: "John Michael" and "J. M." give "JM", "Jean-Pierre" gives "JP". */
        public static Author of(String surname, String givenNames) {
            StringBuilder initials = new StringBuilder();
            if (givenNames != null) {
                for (String part : givenNames.split("[\\s.\\-]+")) {
                    if (!part.isEmpty() && Character.isLetter(part.codePointAt(0))) {
                        initials.appendCodePoint(Character.toUpperCase(part.codePointAt(0)));
                    }
                }
            }
            return new Author(surname, initials.toString());
        }
    }

    /** This citation with the identifiers it lacks taken from another (such as the PMID PubMed knows). */
    public Citation withMissingIdentifiers(String otherDoi, String otherPmid) {
        return new Citation(authors, title, journal, year, volume, issue, pages,
                doi != null ? doi : otherDoi, pmid != null ? pmid : otherPmid, url);
    }
}
