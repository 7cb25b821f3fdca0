package org.vertebra.evidence;

import java.util.List;

/**
 * A study named in the prose: by its authors ("Zheng et al.", "Smith and Jones (2015)"), its year
 * ("a 2011 study"), or both.
 *
 * @param surnames  the authors named, first author first; empty for "a 2011 study"
 * @param year      the four-digit year given, or null
 * @param line      the 1-based line of the body where the mention starts
 */
record StudyMention(String text, int line, List<String> surnames, String year) {
}
