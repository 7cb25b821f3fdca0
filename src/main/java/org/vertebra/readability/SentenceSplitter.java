package org.vertebra.readability;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vertebra.content.Passage;

/**
 * Splits passages into sentences. A sentence ends at '.', '!' or '?' (with any closing quotes,
 * guillemets or brackets) before white space, unless the full stop closes an abbreviation of the
 * text's language ("Dr.", "et al.", "p. ej.", "Mme.", "bzw.") or a dotted one ("e.g.", "z.B.")
 * or an initial ("J. Smith"); "etc." and units ("5 mg.") often end a sentence, so they do; and
 * every passage ends one, so a list item or a paragraph without a full stop is a sentence of its
 * own. Colons and semicolons do not end sentences. Spanish opens a question or an exclamation
 * with '¿' or '¡' and closes it with the usual mark, so the opening mark starts nothing and the
 * closing one ends the sentence; French puts a space before '?' and '!', which ends it as well.
 * Hindi's danda ('।') and the Arabic question mark ('؟') end sentences too.
 */
final class SentenceSplitter {

    private static final Pattern END = Pattern.compile("(?:[.!?]+|[।؟])[\"'”’»›)\\]]*(?=\\s|$)");
    private static final Pattern LAST_WORD = Pattern.compile("([\\p{L}.]+)\\.$");
    private static final Pattern ORDINAL = Pattern.compile("(?<![\\p{L}\\p{N}.,])\\p{N}{1,3}\\.$");

    private SentenceSplitter() {
    }

    static List<Sentence> split(Passage passage) {
        return split(passage, TextLanguage.ENGLISH);
    }

    static List<Sentence> split(Passage passage, TextLanguage language) {
        String text = passage.text();
        List<Sentence> sentences = new ArrayList<>();
        int start = 0;
        Matcher end = END.matcher(text);
        while (end.find()) {
            if (text.charAt(end.start()) == '.' && end.end() - end.start() == 1
                    && (closesAbbreviation(text, end.start(), language) || closesOrdinal(text, end.start(), language))) {
                continue;
            }
            add(passage, start, end.end(), sentences);
            start = end.end();
        }
        add(passage, start, text.length(), sentences);
        return sentences;
    }

    private static boolean closesAbbreviation(String text, int dot, TextLanguage language) {
        Matcher word = LAST_WORD.matcher(text.substring(Math.max(0, dot - 20), dot + 1));
        if (!word.find()) {
            return false;
        }
        String before = word.group(1);
        boolean initial = before.length() == 1 && Character.isUpperCase(before.charAt(0));
        boolean dotted = before.contains("."); // e.g., i.e., U.S., z.B.
        return initial || dotted || language.abbreviations().contains(before.toLowerCase(Locale.ROOT));
    }

    /** "am 3. Tag": a German ordinal, when a word follows in the same passage. */
    private static boolean closesOrdinal(String text, int dot, TextLanguage language) {
        return language.writesOrdinalsWithAFullStop()
                && ORDINAL.matcher(text.substring(Math.max(0, dot - 5), dot + 1)).find()
                && !text.substring(dot + 1).isBlank();
    }

    private static void add(Passage passage, int from, int to, List<Sentence> sentences) {
        String raw = passage.text().substring(from, to);
        int lead = 0;
        while (lead < raw.length() && Character.isWhitespace(raw.charAt(lead))) {
            lead++;
        }
        List<String> words = Words.in(raw);
        if (!words.isEmpty()) {
            String text = raw.strip().replaceAll("\\s+", " ");
            sentences.add(new Sentence(text, passage.lineAt(from + lead), words));
        }
    }
}
