package org.vertebra.readability;

import java.util.ArrayList;
import java.util.List;
import org.vertebra.content.MarkdownProse;
import org.vertebra.content.Passage;

/**
 * Measures readability: Flesch Reading Ease, Flesch-Kincaid grade, long sentences and the share of
 * passive sentences. Pure computation on text; the admin editor calls it on every save.
 */
public final class Readability {

    /** Sentences longer than this many words are listed; plain-language guides advise 20 to 25. */
    public static final int LONG_SENTENCE_WORDS = 25;

    private Readability() {
    }

    /**
     * Plain text: paragraphs are separated by blank lines, and each paragraph ends a sentence.
     * Lines in the report are 1-based lines of {@code plainText}.
     */
    public static ReadabilityReport of(String plainText) {
        List<Passage> paragraphs = new ArrayList<>();
        List<String> lines = plainText.lines().toList();
        int i = 0;
        while (i < lines.size()) {
            if (lines.get(i).isBlank()) {
                i++;
                continue;
            }
            int first = i;
            while (i < lines.size() && !lines.get(i).isBlank()) {
                i++;
            }
            paragraphs.add(new Passage(String.join("\n", lines.subList(first, i)), first + 1, Passage.Kind.PARAGRAPH));
        }
        return of(paragraphs);
    }

    /**
     * A Markdown body: its paragraphs and list items, each list item a sentence of its own.
     * Headings and table cells are labels rather than sentences, and code and the references
     * section are not prose, so none of them is measured. Lines are 1-based lines of the body.
     */
    public static ReadabilityReport ofMarkdown(String markdownBody) {
        return of(MarkdownProse.of(markdownBody).stream()
                .filter(p -> p.kind() == Passage.Kind.PARAGRAPH || p.kind() == Passage.Kind.LIST_ITEM)
                .toList());
    }

    /** Passages as given, each ending a sentence. */
    public static ReadabilityReport of(List<Passage> passages) {
        int sentences = 0;
        int words = 0;
        int syllables = 0;
        int passive = 0;
        List<LongSentence> longSentences = new ArrayList<>();
        for (Passage passage : passages) {
            for (Sentence sentence : SentenceSplitter.split(passage)) {
                sentences++;
                words += sentence.words().size();
                syllables += sentence.words().stream().mapToInt(SyllableCounter::count).sum();
                if (PassiveVoice.isPassive(sentence.words())) {
                    passive++;
                }
                if (sentence.words().size() > LONG_SENTENCE_WORDS) {
                    longSentences.add(new LongSentence(sentence.line(), sentence.words().size(), sentence.text()));
                }
            }
        }
        double wordsPerSentence = sentences == 0 ? Double.NaN : (double) words / sentences;
        double syllablesPerWord = words == 0 ? Double.NaN : (double) syllables / words;
        return new ReadabilityReport(sentences, words, syllables,
                206.835 - 1.015 * wordsPerSentence - 84.6 * syllablesPerWord,
                0.39 * wordsPerSentence + 11.8 * syllablesPerWord - 15.59,
                longSentences, passive, sentences == 0 ? 0 : (double) passive / sentences);
    }
}
