package org.vertebra.evidence;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vertebra.content.Passage;

/**
 * Finds the ways patient articles name a study in the text:
 * "Zheng et al." / "Zheng and colleagues" (with an optional year), "Smith and Jones (2015)",
 * "Smith (2015)", "(Smith, 2015)", "(Smith et al., 2015)", and "a (large) 2011 study / trial / review".
 * A surname is a capitalised word, with particles such as "van der" before it. A name-and-year
 * form needs its year, so "Hip and Knee" is no mention; capitalised words that start sentences
 * or name months are never taken for surnames.
 */
final class MentionFinder {

    private static final String NAME = "\\b((?:(?:van|von|de|der|den|del|della|da|di|du|le|la|ten|ter)\\s+)*"
            + "\\p{Lu}[\\p{L}'’-]*\\p{L})";
    private static final String YEAR = "((?:19|20)\\d{2})[a-z]?";
    private static final String ET_AL = "\\s+(?:et\\s+al\\.?|and\\s+(?:colleagues|co-?workers))";

    /**
     * Tried in this order; a later form may not overlap an earlier one's match. Each has the
     * groups 1 first surname, 2 second surname, 3 year (empty groups where a form has none).
     */
    private static final List<Pattern> FORMS = List.of(
            // (Smith, 2015) (Smith et al., 2015) (Smith and Jones, 2015), also several in one: (Lee, 2010; Smith, 2015)
            Pattern.compile("(?:\\(|;\\s*)" + NAME + "(?:" + ET_AL + "|\\s+(?:and|&)\\s+" + NAME + ")?(?:,\\s*|\\s+)"
                    + YEAR + "(?=\\s*[;)])"),
            // Smith and Jones (2015)
            Pattern.compile(NAME + "\\s+(?:and|&)\\s+" + NAME + "\\s*\\(" + YEAR + "\\)"),
            // Zheng et al. / Zheng et al. (2011) / Zheng and colleagues
            Pattern.compile(NAME + ET_AL + "()(?:\\s*\\(" + YEAR + "\\))?"),
            // Smith (2015)
            Pattern.compile(NAME + "()\\s*\\(" + YEAR + "\\)"),
            // a 2011 study, the 2019 randomised controlled trial
            Pattern.compile("()()(?i:\\b(?:a|an|the|one|this|that|their|his|her)\\s+(?:[\\p{L}-]+\\s+)?" + YEAR
                    + "\\s+(?:[\\p{L}-]+\\s+){0,3}?(?:study|studies|trial|review|meta-analysis|analysis|overview"
                    + "|survey|audit|report|paper|series|cohort)\\b)"));

    private static final Set<String> NOT_SURNAMES = Set.of(
            "A", "An", "The", "In", "On", "At", "Of", "For", "And", "But", "Or", "This", "That", "These", "Those",
            "Our", "Their", "His", "Her", "One", "See", "Figure", "Table", "Since", "After", "Before", "Until",
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December", "Spring", "Summer", "Autumn", "Winter");

    private MentionFinder() {
    }

    static List<StudyMention> in(List<Passage> passages) {
        List<StudyMention> mentions = new ArrayList<>();
        for (Passage passage : passages) {
            List<int[]> taken = new ArrayList<>();
            List<Found> found = new ArrayList<>();
            for (Pattern form : FORMS) {
                Matcher m = form.matcher(passage.text());
                while (m.find()) {
                    if (overlaps(taken, m.start(), m.end()) || isNotASurname(group(m, 1))) {
                        continue;
                    }
                    taken.add(new int[] {m.start(), m.end()});
                    found.add(new Found(m.start(), mention(passage, m)));
                }
            }
            found.stream().sorted(Comparator.comparingInt(Found::start)).forEach(f -> mentions.add(f.mention()));
        }
        return List.copyOf(mentions);
    }

    private record Found(int start, StudyMention mention) {
    }

    private static boolean isNotASurname(String name) {
        return name != null && NOT_SURNAMES.contains(name);
    }

    private static StudyMention mention(Passage passage, Matcher m) {
        List<String> surnames = new ArrayList<>();
        if (group(m, 1) != null) {
            surnames.add(group(m, 1));
        }
        if (group(m, 2) != null) {
            surnames.add(group(m, 2));
        }
        String year = group(m, 3);
        String text = m.group().replaceAll("^[(;]\\s*", "").replaceAll("\\s+", " ");
        return new StudyMention(text, passage.lineAt(m.start()), List.copyOf(surnames), year);
    }

    private static String group(Matcher m, int group) {
        String value = m.group(group);
        return value == null || value.isEmpty() ? null : value;
    }

    private static boolean overlaps(List<int[]> taken, int start, int end) {
        return taken.stream().anyMatch(span -> start < span[1] && span[0] < end);
    }
}
