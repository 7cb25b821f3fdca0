package org.vertebra.readability;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import org.vertebra.content.MarkdownProse;
import org.vertebra.content.Passage;

/**
 * SMOG and Gunning Fog of a plain text computed the published way with the CMU Pronouncing
 * Dictionary's syllable counts: the reference values {@link Readability} is tested against.
 * Sentences and words are split as Vertebra splits them, so that only the syllable counting and
 * the two formulas are under test. A word the dictionary lacks is listed, and the test requires
 * none: the reference never borrows a count from the counter it checks.
 */
record DictionaryGrades(int sentences, int words, int polysyllables, int complexWords, List<String> unknownWords) {

    static DictionaryGrades of(String plainText, PronouncingDictionary dictionary) {
        return of(Readability.paragraphs(plainText), dictionary);
    }

    /** The prose of a Markdown body, the passages {@link Readability#ofMarkdown} measures. */
    static DictionaryGrades ofMarkdown(String markdownBody, PronouncingDictionary dictionary) {
        return of(MarkdownProse.of(markdownBody).stream()
                .filter(p -> p.kind() == Passage.Kind.PARAGRAPH || p.kind() == Passage.Kind.LIST_ITEM)
                .toList(), dictionary);
    }

    private static DictionaryGrades of(List<Passage> passages, PronouncingDictionary dictionary) {
        int sentences = 0;
        int words = 0;
        int polysyllables = 0;
        int complex = 0;
        List<String> unknown = new ArrayList<>();
        for (Passage passage : passages) {
            for (Sentence sentence : SentenceSplitter.split(passage)) {
                sentences++;
                for (int w = 0; w < sentence.words().size(); w++) {
                    String word = sentence.words().get(w);
                    words++;
                    if (word.chars().anyMatch(Character::isDigit)) {
                        continue; // a number in digits is not a polysyllable, for SMOG as for Vertebra
                    }
                    OptionalInt known = dictionary.syllables(word);
                    if (known.isEmpty()) {
                        unknown.add(word);
                    }
                    int syllables = known.orElse(0);
                    if (syllables >= 3) {
                        polysyllables++;
                        if (isGunningComplex(word, syllables, w == 0, dictionary)) {
                            complex++;
                        }
                    }
                }
            }
        }
        return new DictionaryGrades(sentences, words, polysyllables, complex, List.copyOf(unknown));
    }

    /** McLaughlin's regression: 1.0430 sqrt(polysyllables x 30 / sentences) + 3.1291. */
    double smog() {
        return 1.0430 * Math.sqrt(polysyllables * 30.0 / sentences) + 3.1291;
    }

    /** Gunning: 0.4 (words per sentence + percentage of complex words). */
    double fog() {
        return 0.4 * ((double) words / sentences + 100.0 * complexWords / words);
    }

    /**
     * Gunning leaves out names, hyphenated compounds, and verbs that reach three syllables only
     * through -ed, -es or -ing: here, a word whose form without the ending (or with a silent e
     * restored, "increas-es" from "increase") the dictionary gives two syllables or fewer.
     */
    private static boolean isGunningComplex(String word, int syllables, boolean firstInSentence,
            PronouncingDictionary dictionary) {
        if (word.contains("-") || (!firstInSentence && Character.isUpperCase(word.charAt(0)))) {
            return false;
        }
        String lower = word.toLowerCase(Locale.ROOT);
        for (String ending : List.of("ing", "ed", "es")) {
            if (syllables == 3 && lower.endsWith(ending)) {
                String stem = lower.substring(0, lower.length() - ending.length());
                for (String base : List.of(stem, stem + "e")) {
                    if (dictionary.syllables(base).orElse(3) <= 2) {
                        return false;
                    }
                }
            }
        }
        return true;
    }
}
