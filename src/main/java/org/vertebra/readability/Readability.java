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
 *
 * <p>Every measure takes the text's language as a BCP 47 tag: English is measured as above;
 * Spanish, French and German with their own syllable rules, abbreviations and published formulas
 * ({@link TextLanguage}); any other language is counted but not scored. The methods without a
 * language measure English.
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

    /** As {@link #of(String)}, for a text in the language of this BCP 47 tag. */
    public static ReadabilityReport of(String plainText, String lang) {
        return of(paragraphs(plainText), lang);
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
        return ofMarkdown(markdownBody, "en");
    }

    /** As {@link #ofMarkdown(String)}, for a body in the language of this BCP 47 tag. */
    public static ReadabilityReport ofMarkdown(String markdownBody, String lang) {
        return of(MarkdownProse.of(markdownBody).stream()
                .filter(p -> p.kind() == Passage.Kind.PARAGRAPH || p.kind() == Passage.Kind.LIST_ITEM)
                .toList(), lang);
    }

    /**
     * The same measures for each part of a Markdown body under a level-two heading ("## ..."), so
     * the writer sees where to edit; the text before the first such heading is the opening
     * section. Sections without prose are left out. The references section is not prose.
     */
    public static List<SectionReadability> bySection(String markdownBody) {
        return bySection(markdownBody, "en");
    }

    /** As {@link #bySection(String)}, for a body in the language of this BCP 47 tag. */
    public static List<SectionReadability> bySection(String markdownBody, String lang) {
        List<String> lines = markdownBody.lines().toList();
        List<SectionReadability> sections = new ArrayList<>();
        String heading = SectionReadability.OPENING;
        int headingLine = 1;
        List<Passage> current = new ArrayList<>();
        for (Passage passage : MarkdownProse.of(markdownBody)) {
            if (passage.kind() == Passage.Kind.HEADING && isLevelTwo(lines, passage.line())) {
                addSection(sections, heading, headingLine, current, lang);
                heading = passage.text().strip();
                headingLine = passage.line();
                current = new ArrayList<>();
            } else if (passage.kind() == Passage.Kind.PARAGRAPH || passage.kind() == Passage.Kind.LIST_ITEM) {
                current.add(passage);
            }
        }
        addSection(sections, heading, headingLine, current, lang);
        return sections;
    }

    private static void addSection(List<SectionReadability> sections, String heading, int line, List<Passage> passages,
                                   String lang) {
        ReadabilityReport report = of(passages, lang);
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
        return sentences(passage, "en");
    }

    /** As {@link #sentences(Passage)}, with the abbreviations of the language of this BCP 47 tag. */
    public static List<String> sentences(Passage passage, String lang) {
        return SentenceSplitter.split(passage, TextLanguage.of(lang)).stream().map(Sentence::text).toList();
    }

    /** The words of a text as the measures count them ("don't", "meta-analysis" and "2.5" one word each). */
    public static int wordCount(String text) {
        return Words.in(text).size();
    }

    /** Passages as given, each ending a sentence, in English. */
    public static ReadabilityReport of(List<Passage> passages) {
        return of(passages, "en");
    }

    /** Passages as given, each ending a sentence, in the language of this BCP 47 tag. */
    public static ReadabilityReport of(List<Passage> passages, String lang) {
        TextLanguage language = TextLanguage.of(lang);
        return language == TextLanguage.ENGLISH ? ofEnglish(passages) : ofOther(passages, lang, language);
    }

    /**
     * A language other than English: its own splitter, syllables and formulas. The English figures
     * are NaN, and the passive voice is not looked for, as the heuristic knows only English.
     */
    private static ReadabilityReport ofOther(List<Passage> passages, String lang, TextLanguage language) {
        int sentences = 0;
        int words = 0;
        int syllables = 0;
        int polysyllables = 0;
        int monosyllables = 0;
        int longWords = 0;
        List<LongSentence> longSentences = new ArrayList<>();
        for (Passage passage : passages) {
            for (Sentence sentence : SentenceSplitter.split(passage, language)) {
                sentences++;
                words += sentence.words().size();
                for (String word : sentence.words()) {
                    int count = language.syllables(word);
                    syllables += count;
                    boolean number = word.chars().anyMatch(Character::isDigit);
                    if (count >= 3 && !number) {
                        polysyllables++;
                    }
                    if (count == 1) {
                        monosyllables++;
                    }
                    if (word.codePoints().filter(Character::isLetter).count() > 6) {
                        longWords++;
                    }
                }
                if (sentence.words().size() > LONG_SENTENCE_WORDS) {
                    longSentences.add(new LongSentence(sentence.line(), sentence.words().size(), sentence.text()));
                }
            }
        }
        TextCounts counts = new TextCounts(sentences, words, syllables, polysyllables, monosyllables, longWords);
        List<FormulaScore> scores = switch (language) {
            case SPANISH -> List.of(SzigrisztPazos.score(counts), FernandezHuerta.score(counts));
            case FRENCH -> List.of(KandelMoles.score(counts));
            case GERMAN -> List.of(WienerSachtextformel.score(counts), Amstad.score(counts));
            default -> List.of();
        };
        LanguageReadability reading = new LanguageReadability(lang, TextLanguage.nameOf(lang), language, scores);
        return new ReadabilityReport(sentences, words, language == TextLanguage.UNASSESSED ? 0 : syllables,
                Double.NaN, Double.NaN, longSentences, 0, 0, language == TextLanguage.UNASSESSED ? 0 : polysyllables, 0,
                Double.NaN, Double.NaN, reading);
    }

    private static ReadabilityReport ofEnglish(List<Passage> passages) {
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
                words == 0 ? Double.NaN : 0.4 * (wordsPerSentence + 100.0 * complex / words),
                LanguageReadability.english());
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
