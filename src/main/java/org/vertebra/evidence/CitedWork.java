package org.vertebra.evidence;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vertebra.content.IdentifierText;
import org.vertebra.content.Reference;

/**
 * What a mention in the text can match in one reference: its first author's surname, the folded
 * words of its author list, and its year. It reads the two formats reference lists use: Vancouver
 * ("Zheng Y, Wang L. Title. Journal. 2011;5:3-15.") and APA ("Smith, J. A., &amp; Jones, B. (2015).
 * Title."). The author list ends where the title starts (a full stop before a capitalised word of
 * three letters or more, or "A" or "An", not an initial) or at the first "(YEAR)".
 *
 * @param firstAuthor  folded surname of the first author ("van der berg"); empty when none is found
 * @param authors      folded text of the author list, for the other names a mention gives
 * @param year         the publication year, or null
 */
record CitedWork(String firstAuthor, String authors, String year) {

    private static final Pattern END_OF_AUTHORS =
            Pattern.compile("\\.\\s+(?=\\p{Lu}\\p{Ll}{2,}|\\p{Ll}|An?\\s)|\\((?:19|20)\\d{2}");
    private static final Pattern INITIALS = Pattern.compile("\\p{Lu}{1,3}\\.?|(?:\\p{Lu}\\.\\s*)+|\\p{Lu}\\.-\\p{Lu}\\.?");
    /** APA's "(2015)", then Vancouver's "2015;", then any year: where each style puts it. */
    private static final List<Pattern> YEARS = List.of(
            Pattern.compile("\\(((?:19|20)\\d{2})[a-z]?\\)"),
            Pattern.compile("\\b((?:19|20)\\d{2})\\s*;"),
            Pattern.compile("\\b((?:19|20)\\d{2})\\b"));
    private static final Pattern IDENTIFIERS = Pattern.compile(("(?i)\\bdoi:?SPACE*WORD|https?://WORD|\\b10\\.\\d{4,9}/WORD"
            + "|\\bPMID:?SPACE*WORD").replace("SPACE", IdentifierText.SPACE).replace("WORD", IdentifierText.WORD));

    static CitedWork of(Reference reference) {
        String text = reference.text();
        Matcher end = END_OF_AUTHORS.matcher(text);
        int authorsEnd = end.find() ? end.start() : text.length();
        String authorList = text.substring(0, authorsEnd);
        return new CitedWork(firstSurname(authorList), Folded.of(authorList), year(IDENTIFIERS.matcher(text).replaceAll(" ")));
    }

    private static String year(String text) {
        for (Pattern pattern : YEARS) {
            Matcher year = pattern.matcher(text);
            if (year.find()) {
                return year.group(1);
            }
        }
        return null;
    }

    /** The first author's name without initials: "Furlan AD" and "Furlan, A. D." give "furlan". */
    private static String firstSurname(String authorList) {
        String first = authorList.split("[,;]|\\s&\\s|\\sand\\s", 2)[0].strip();
        List<String> words = List.of(first.split("\\s+"));
        int keep = words.size();
        while (keep > 1 && INITIALS.matcher(words.get(keep - 1)).matches()) {
            keep--;
        }
        return Folded.of(String.join(" ", words.subList(0, keep)));
    }

    /** True when the folded surname is this work's first author, or the last word of it ("Berg" for "van der Berg"). */
    boolean hasFirstAuthor(String surname) {
        String name = Folded.of(surname);
        return !name.isEmpty() && (firstAuthor.equals(name) || firstAuthor.endsWith(" " + name));
    }

    boolean lists(String surname) {
        String name = Folded.of(surname);
        return !name.isEmpty() && (" " + authors + " ").contains(" " + name + " ");
    }
}
