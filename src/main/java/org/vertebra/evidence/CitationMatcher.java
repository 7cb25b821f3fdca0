package org.vertebra.evidence;

import java.util.ArrayList;
import java.util.List;
import org.vertebra.content.Reference;

/**
 * Matches study mentions to the reference list by the usual convention: the first surname a
 * mention gives is the work's first author, a second one ("Smith and Jones") is among its
 * authors, and a year, when given, is its year. A mention of only a year ("a 2011 study") matches
 * every reference of that year.
 */
final class CitationMatcher {

    private final List<CitedWork> works;

    CitationMatcher(List<Reference> references) {
        this.works = references.stream().map(CitedWork::of).toList();
    }

    /** The 1-based numbers of the references the mention matches; empty when none does. */
    List<Integer> referencesMatching(StudyMention mention) {
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < works.size(); i++) {
            if (matches(mention, works.get(i))) {
                numbers.add(i + 1);
            }
        }
        return numbers;
    }

    private static boolean matches(StudyMention mention, CitedWork work) {
        List<String> surnames = mention.surnames();
        boolean authorsAgree = surnames.isEmpty()
                || work.hasFirstAuthor(surnames.get(0)) && surnames.stream().skip(1).allMatch(work::lists);
        boolean yearAgrees = mention.year() == null || mention.year().equals(work.year());
        return authorsAgree && yearAgrees;
    }
}
