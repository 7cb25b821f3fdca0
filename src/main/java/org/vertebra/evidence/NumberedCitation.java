package org.vertebra.evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vertebra.content.Passage;

/**
 * A numbered citation in the text, such as [1], [1, 3] or [2-4], with the reference numbers it
 * names (a range names every number in it).
 */
record NumberedCitation(String text, int line, List<Integer> numbers) {

    private static final String NUMBER_OR_RANGE = "\\d{1,3}(?:\\s*[-–]\\s*\\d{1,3})?";
    private static final Pattern CITATION =
            Pattern.compile("\\[\\s*(" + NUMBER_OR_RANGE + "(?:\\s*[,;]\\s*" + NUMBER_OR_RANGE + ")*)\\s*]");
    /** A range such as [1-400] is a typing mistake, not a citation of 400 works. */
    private static final int LONGEST_RANGE = 50;

    static List<NumberedCitation> in(List<Passage> passages) {
        List<NumberedCitation> citations = new ArrayList<>();
        for (Passage passage : passages) {
            Matcher m = CITATION.matcher(passage.text());
            while (m.find()) {
                citations.add(new NumberedCitation(m.group(), passage.lineAt(m.start()), numbers(m.group(1))));
            }
        }
        return List.copyOf(citations);
    }

    private static List<Integer> numbers(String list) {
        List<Integer> numbers = new ArrayList<>();
        for (String part : list.split("\\s*[,;]\\s*")) {
            String[] ends = part.split("\\s*[-–]\\s*");
            int from = Integer.parseInt(ends[0]);
            int to = ends.length > 1 ? Integer.parseInt(ends[1]) : from;
            if (to < from || to - from > LONGEST_RANGE) {
                numbers.add(from);
                numbers.add(to);
            } else {
                for (int n = from; n <= to; n++) {
                    numbers.add(n);
                }
            }
        }
        return List.copyOf(numbers);
    }
}
