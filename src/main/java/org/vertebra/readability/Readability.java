package org.vertebra.readability;

import java.util.ArrayList;
import java.util.List;
import org.vertebra.content.MarkdownProse;
import org.vertebra.content.Passage;

/**
 * Measures readability: Flesch Reading Ease, Flesch-Kincaid grade, SMOG, Gunning Fog, long
 * sentences and the share of passive sentences. Pure computation on text; the admin editor calls
 * it on every save.
 *
 * <p>SMOG: McLaughlin's test takes ten sentences from the start, middle and end of a text of 30 or
 * more. Patient pages are often shorter, and a sample of a web page's sentences depends on where
 * one cuts it, so every sentence is counted and the count scaled to 30 sentences
 * ({@code polysyllables x 30 / sentences}), the variant McLaughlin gives for short texts and the one
 * most software uses. On fewer than 30 sentences the figure is less stable; the editor shows it
 * per section for that reason as a guide, not a verdict.
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
        return of(paragraphs(plainText));
    }

    /** The paragraphs of plain text, separated by blank lines. */
    static List<Passage> paragraphs(String plainText) {
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
        return paragraphs;
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

    /**
     * The same measures for each part of a Markdown body under a level-two heading ("## ..."), so
     * the writer sees where to edit; the text before the first such heading is the opening
     * section. Sections without prose are left out. The references section is not prose.
     */
    public static List<SectionReadability> bySection(String markdownBody) {
        List<String> lines = markdownBody.lines().toList();
        List<SectionReadability> sections = new ArrayList<>();
        String heading = SectionReadability.OPENING;
        int headingLine = 1;
        List<Passage> current = new ArrayList<>();
        for (Passage passage : MarkdownProse.of(markdownBody)) {
            if (passage.kind() == Passage.Kind.HEADING && isLevelTwo(lines, passage.line())) {
                addSection(sections, heading, headingLine, current);
                heading = passage.text().strip();
                headingLine = passage.line();
                current = new ArrayList<>();
            } else if (passage.kind() == Passage.Kind.PARAGRAPH || passage.kind() == Passage.Kind.LIST_ITEM) {
                current.add(passage);
            }
        }
        addSection(sections, heading, headingLine, current);
        return sections;
    }

    private static void addSection(List<SectionReadability> sections, String heading, int line, List<Passage> passages) {
        ReadabilityReport report = of(passages);
        if (report.sentences() > 0) {
            sections.add(new SectionReadability(heading, line, report));
        }
    }

    /** An ATX "## Heading" or a setext heading underlined with dashes. */
    private static boolean isLevelTwo(List<String> lines, int line) {
        if (line < 1 || line > lines.size()) {
            return false;
        }
        String text = lines.get(line - 1).stripLeading();
        if (text.startsWith("## ") || text.equals("##")) {
            return true;
        }
        return !text.startsWith("#") && line < lines.size() && lines.get(line).strip().matches("-{2,}");
    }

    /** The sentences of a passage as the measures split them (abbreviations and initials kept whole). */
    public static List<String> sentences(Passage passage) {
        return SentenceSplitter.split(passage).stream().map(Sentence::text).toList();
    }

    /** The words of a text as the measures count them ("don't", "meta-analysis" and "2.5" one word each). */
    public static int wordCount(String text) {
        return Words.in(text).size();
    }

    /** Passages as given, each ending a sentence. */
    public static ReadabilityReport of(List<Passage> passages) {
        int sentences = 0;
        int words = 0;
        int syllables = 0;
        int passive = 0;
        int polysyllables = 0;
        int complex = 0;
        List<LongSentence> longSentences = new ArrayList<>();
        for (Passage passage : passages) {
            for (Sentence sentence : SentenceSplitter.split(passage)) {
                sentences++;
                words += sentence.words().size();
                syllables += sentence.words().stream().mapToInt(SyllableCounter::count).sum();
                for (int w = 0; w < sentence.words().size(); w++) {
                    String word = sentence.words().get(w);
                    if (isPolysyllable(word)) {
                        polysyllables++;
                        if (isComplex(word, w == 0)) {
                            complex++;
                        }
                    }
                }
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
                longSentences, passive, sentences == 0 ? 0 : (double) passive / sentences,
                polysyllables, complex,
                sentences == 0 ? Double.NaN : 1.0430 * Math.sqrt(polysyllables * 30.0 / sentences) + 3.1291,
                words == 0 ? Double.NaN : 0.4 * (wordsPerSentence + 100.0 * complex / words));
    }

    /**
     * SMOG's "polysyllabic word": three or more syllables; a number written in digits ("2024",
     * "1990s", "1,500") is not one, as a reader takes it in at a glance.
     */
    static boolean isPolysyllable(String word) {
        return word.chars().anyMatch(Character::isLetter) && word.chars().noneMatch(Character::isDigit)
                && SyllableCounter.count(word) >= 3;
    }

    /**
     * Gunning's "complex word", given that it has three or more syllables: not a name (capitalised
     * where a sentence does not start), not a hyphenated compound, and not three syllables only
     * because of an -ed, -es or -ing ending.
     */
    static boolean isComplex(String word, boolean firstInSentence) {
        if (word.indexOf('-') >= 0 || (!firstInSentence && Character.isUpperCase(word.charAt(0)))) {
            return false;
        }
        String lower = word.toLowerCase(java.util.Locale.ROOT);
        for (String ending : List.of("ing", "ed", "es")) {
            if (lower.endsWith(ending) && lower.length() > ending.length() + 2
                    && SyllableCounter.count(lower.substring(0, lower.length() - ending.length())) < 3) {
                return false;
            }
        }
        return true;
    }
}
