package org.vertebra.pemat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vertebra.content.MarkdownProse;
import org.vertebra.content.Passage;
import org.vertebra.readability.FormulaScore;
import org.vertebra.readability.Glossaries;
import org.vertebra.readability.Glossary;
import org.vertebra.readability.LanguageReadability;
import org.vertebra.readability.Readability;
import org.vertebra.readability.ReadabilityReport;
import org.vertebra.readability.TextLanguage;

/**
 * Rates the PEMAT-P items that the text itself settles, each with its reason, and leaves the rest
 * (is the purpose evident, is the order logical, would a picture help) to the editor with the
 * question to ask. The thresholds are this project's reading of the user's guide, stated in each
 * reason so an editor can disagree and answer the item themself.
 *
 * <p>The text's language chooses the sentence splitter, the readability formula and the glossary.
 * The passive voice and the sentences that tell the reader what to do are recognised in English
 * only; in another language those items are left to the editor rather than judged by English rules.
 */
public final class TextJudge {

    /** Under this many words of prose the tool's "very short material" applies (a leaflet's single panel). */
    static final int VERY_SHORT_WORDS = 150;
    /** A section longer than this is a wall of text on a phone: about two screens. */
    static final int LONGEST_SECTION_WORDS = 400;
    /** Plain-language guides keep most sentences active; one passive sentence in ten is the allowance here. */
    static final double MOST_PASSIVE_SHARE = 0.10;
    /** A table whose headings run longer than this many words is no longer a simple table. */
    static final int LONGEST_TABLE_HEADING_WORDS = 4;
    static final int MOST_TABLE_COLUMNS = 5;

    private static final Set<String> GENERIC_HEADINGS = Set.of("introduction", "overview", "background", "details",
            "more", "more information", "other", "others", "miscellaneous", "general", "discussion", "notes", "section",
            "part", "information", "content", "main", "body", "text");
    private static final Pattern SUMMARY_HEADING = Pattern.compile(
            "(?i)\\b(summary|key points|in short|in brief|the bottom line|bottom line|takeaways?|take-home|what to remember|main points)\\b");
    private static final Pattern DECIMAL = Pattern.compile("(?<![\\d.])\\d+\\.\\d+(?![\\d.])");
    private static final Pattern FRACTION = Pattern.compile("(?<![\\d/])\\d+/\\d+(?![\\d/])");
    private static final Pattern NUMBER = Pattern.compile("\\d");
    /** Citation markers such as [1] or [2, 3] are not numbers a reader has to understand. */
    private static final Pattern CITATION_MARKER = Pattern.compile("\\[\\d+(\\s*[,–-]\\s*\\d+)*]");
    private static final Pattern CALCULATION = Pattern.compile(
            "(?i)\\b(calculate|work out your|multiply|divide (it|your|the)|subtract|add up|formula)\\b");
    private static final Pattern YOU = Pattern.compile("(?i)\\byou(r|rs|rself)?\\b");
    private static final Set<String> ACTION_VERBS = Set.of("ask", "avoid", "book", "bring", "call", "check", "choose",
            "contact", "do", "don't", "drink", "eat", "find", "follow", "get", "go", "keep", "lift", "limit", "make", "move",
            "plan", "put", "read", "remember", "rest", "see", "seek", "sit", "sleep", "speak", "stand", "start", "stay",
            "stop", "stretch", "take", "talk", "tell", "try", "use", "walk", "watch", "wear", "write", "apply", "bend",
            "never", "always");
    private static final Pattern YOU_CAN = Pattern.compile("(?i)\\byou (can|should|could|may want to|need to|might)\\b");

    /** What follows a term to explain it ("arthroplasty, which", "artrosis, es decir"), by language. */
    private static final List<String> EXPLAINED_BY = List.of(", which", ", or ", ", meaning", " means", " is a", " is the",
            " is when", " are ");
    private static final List<String> EXPLAINED_BY_SPANISH = List.of(", es decir", ", o sea", ", que es", ", o ",
            " significa", " es un", " es una", " es el", " es la", " es cuando", " son ");

    private final Glossaries glossaries;

    public TextJudge(Glossaries glossaries) {
        this.glossaries = glossaries;
    }

    /** A judgement for every item of the printable tool, in the tool's order. */
    public List<Judgement> judge(PematText text) {
        BodyShape shape = BodyShape.of(text.markdownBody());
        List<Passage> prose = MarkdownProse.of(text.markdownBody()).stream()
                .filter(p -> p.kind() == Passage.Kind.PARAGRAPH || p.kind() == Passage.Kind.LIST_ITEM)
                .toList();
        ReadabilityReport reading = Readability.of(prose, text.lang());
        boolean english = reading.language().isEnglish();
        int proseWords = reading.words();
        boolean veryShort = proseWords < VERY_SHORT_WORDS;
        List<String> actionSentences = actionSentences(prose, text.actions(), text.lang());
        boolean calculations = prose.stream().anyMatch(p -> CALCULATION.matcher(p.text()).find());

        List<Judgement> judgements = new ArrayList<>();
        judgements.add(Judgement.forTheEditor(PematItem.PURPOSE_EVIDENT,
                "Would a patient new to the subject know from the title and the opening what this article is for?"));
        judgements.add(Judgement.forTheEditor(PematItem.NO_DISTRACTION,
                "Is there anything a patient does not need to understand or act on it (history, detail for colleagues)?"));
        judgements.add(everydayLanguage(reading));
        judgements.add(termsDefined(prose, glossaries.forLanguage(text.lang()), reading.language()));
        judgements.add(english ? activeVoice(reading) : Judgement.forTheEditor(PematItem.ACTIVE_VOICE,
                "Vertebra looks for the passive voice in English only: are most sentences active?"));
        judgements.add(clearNumbers(prose));
        judgements.add(calculations
                ? Judgement.decided(PematItem.NO_CALCULATIONS, Rating.DISAGREE, "The text asks the reader to work something out (\""
                        + firstMatch(prose, CALCULATION) + "\").")
                : Judgement.decided(PematItem.NO_CALCULATIONS, Rating.AGREE, "Nothing in the text asks the reader to calculate."));
        judgements.add(shortSections(shape, veryShort, proseWords));
        judgements.add(informativeHeaders(shape, veryShort, proseWords));
        judgements.add(Judgement.forTheEditor(PematItem.LOGICAL_SEQUENCE,
                "Does each section follow from the one before (what it is, why it matters, what to do)?"));
        judgements.add(summary(shape, text, veryShort, proseWords));
        judgements.add(visualCues(shape, text));
        judgements.add(Judgement.forTheEditor(PematItem.VISUAL_AIDS_USED, shape.images().isEmpty() && shape.tableHeaders().isEmpty()
                ? "The article has no picture, diagram or table. Would one make something easier to understand?"
                : "Would a further picture or diagram make anything easier to understand?"));
        judgements.add(shape.images().isEmpty()
                ? notApplicable(PematItem.VISUAL_AIDS_REINFORCE, "The article has no images.")
                : Judgement.forTheEditor(PematItem.VISUAL_AIDS_REINFORCE, "Does each image show what the text next to it says?"));
        judgements.add(captions(shape));
        judgements.add(shape.images().isEmpty()
                ? notApplicable(PematItem.CLEAR_ILLUSTRATIONS, "The article has no images.")
                : Judgement.forTheEditor(PematItem.CLEAR_ILLUSTRATIONS, "Is each image clear and uncluttered at a phone's size and in print?"));
        judgements.add(simpleTables(shape));
        if (english || !actionSentences.isEmpty()) {
            judgements.add(actionIdentified(actionSentences));
            judgements.add(addressesUser(actionSentences));
        } else {
            judgements.add(Judgement.forTheEditor(PematItem.ACTION_IDENTIFIED, "Vertebra recognises instructions in English"
                    + " only: does the text tell the reader at least one thing to do? (Actions in the \"What you can do\" box count.)"));
            judgements.add(Judgement.forTheEditor(PematItem.ADDRESSES_USER,
                    "Are the actions put to the reader directly (\"you\", or an instruction)?"));
        }
        judgements.add(explicitSteps(shape, text));
        judgements.add(Judgement.forTheEditor(PematItem.TANGIBLE_TOOL,
                "Would a checklist, diary or planner help the reader act on this? If so, does the article give one?"));
        judgements.add(calculations
                ? Judgement.forTheEditor(PematItem.CALCULATION_HELP, "The text asks for a calculation: does it show how, with an example?")
                : notApplicable(PematItem.CALCULATION_HELP, "Nothing in the text asks the reader to calculate."));
        judgements.add(shape.images().isEmpty() && shape.tableHeaders().isEmpty()
                ? notApplicable(PematItem.CHARTS_EXPLAINED, "The article has no charts, tables or diagrams.")
                : Judgement.forTheEditor(PematItem.CHARTS_EXPLAINED, "Does the text say how to use each table or diagram to act?"));
        judgements.add(Judgement.forTheEditor(PematItem.VISUAL_AIDS_FOR_ACTION,
                "Would a picture of how to do something (an exercise, a position) make the instructions easier to follow?"));
        return List.copyOf(judgements);
    }

    private static Judgement everydayLanguage(ReadabilityReport reading) {
        LanguageReadability language = reading.language();
        if (!language.hasValidatedFormula()) {
            return Judgement.forTheEditor(PematItem.EVERYDAY_LANGUAGE, "No readability formula is validated for "
                    + language.name() + ": are the words everyday ones a patient uses?");
        }
        if (reading.sentences() == 0) {
            return Judgement.forTheEditor(PematItem.EVERYDAY_LANGUAGE, "There is no prose to measure yet.");
        }
        if (!language.isEnglish() && Double.isNaN(language.schoolGrade())) {
            FormulaScore main = language.main();
            String figure = String.format(Locale.ROOT, "%s %.0f (%s)", main.formula(), main.value(), main.band());
            return main.onTarget()
                    ? Judgement.decided(PematItem.EVERYDAY_LANGUAGE, Rating.AGREE, figure + ", within the target of " + main.target() + ".")
                    : Judgement.decided(PematItem.EVERYDAY_LANGUAGE, Rating.DISAGREE, figure + "; patient material should reach "
                            + main.target() + ".");
        }
        double grade = reading.readingGrade();
        String figure = String.format(Locale.ROOT, "%.1f", grade);
        return grade <= ReadabilityReport.TARGET_GRADE
                ? Judgement.decided(PematItem.EVERYDAY_LANGUAGE, Rating.AGREE, "The text reads at grade " + figure + ", within grade 8.")
                : Judgement.decided(PematItem.EVERYDAY_LANGUAGE, Rating.DISAGREE, "The text reads at grade " + figure
                        + "; patient material should read at grade 8 or lower.");
    }

    private static Judgement termsDefined(List<Passage> prose, Glossary glossary, LanguageReadability language) {
        if (glossary.isEmpty() && !language.isEnglish()) {
            return Judgement.forTheEditor(PematItem.TERMS_DEFINED, "There is no glossary for " + language.name()
                    + ": is each medical term explained where it first appears?");
        }
        List<Glossary.Found> terms = glossary.find(prose);
        if (terms.isEmpty()) {
            return Judgement.decided(PematItem.TERMS_DEFINED, Rating.AGREE, "The text uses none of the glossary's medical terms.");
        }
        List<String> undefined = new ArrayList<>();
        for (Glossary.Found term : terms) {
            if (!definedAtFirstUse(prose, term, language.language() == TextLanguage.SPANISH
                    ? EXPLAINED_BY_SPANISH : EXPLAINED_BY)) {
                undefined.add(term.term());
            }
        }
        if (undefined.isEmpty()) {
            return Judgement.decided(PematItem.TERMS_DEFINED, Rating.AGREE, "Each medical term (" + String.join(", ", names(terms))
                    + ") is explained where it first appears.");
        }
        return Judgement.decided(PematItem.TERMS_DEFINED, Rating.DISAGREE, "Not explained where first used: "
                + String.join(", ", undefined.subList(0, Math.min(5, undefined.size())))
                + (undefined.size() > 5 ? " and " + (undefined.size() - 5) + " more" : "") + ".");
    }

    private static List<String> names(List<Glossary.Found> terms) {
        return terms.stream().map(Glossary.Found::term).limit(5).toList();
    }

    /**
     * A term counts as defined when the passage of its first use also gives its plain words, or
     * when an explanation follows it: a bracket, a dash, ", which", ", or", " means", " is a".
     */
    static boolean definedAtFirstUse(List<Passage> prose, Glossary.Found term) {
        return definedAtFirstUse(prose, term, EXPLAINED_BY);
    }

    static boolean definedAtFirstUse(List<Passage> prose, Glossary.Found term, List<String> explainedBy) {
        Pattern word = Pattern.compile("(?iu)(?<![\\p{L}])" + Pattern.quote(term.term()) + "\\p{L}{0,3}");
        for (Passage passage : prose) {
            Matcher m = word.matcher(passage.text());
            if (!m.find()) {
                continue;
            }
            String text = passage.text().toLowerCase(Locale.ROOT);
            if (text.contains(term.plain().toLowerCase(Locale.ROOT))) {
                return true;
            }
            String after = text.substring(m.end(), Math.min(text.length(), m.end() + 14)).replace('\n', ' ');
            return after.startsWith(" (") || after.startsWith(" –") || after.startsWith(" —") || after.startsWith(" - ")
                    || explainedBy.stream().anyMatch(after::startsWith);
        }
        return false;
    }

    private static Judgement activeVoice(ReadabilityReport reading) {
        if (reading.sentences() == 0) {
            return Judgement.forTheEditor(PematItem.ACTIVE_VOICE, "There is no prose to measure yet.");
        }
        String share = reading.passiveSentences() + " of " + reading.sentences() + " sentences are passive";
        return reading.passiveShare() <= MOST_PASSIVE_SHARE
                ? Judgement.decided(PematItem.ACTIVE_VOICE, Rating.AGREE, share + "; the rest are active.")
                : Judgement.decided(PematItem.ACTIVE_VOICE, Rating.DISAGREE, share + "; at most one in ten should be.");
    }

    private static Judgement clearNumbers(List<Passage> prose) {
        if (prose.stream().noneMatch(p -> NUMBER.matcher(CITATION_MARKER.matcher(p.text()).replaceAll("")).find())) {
            return notApplicable(PematItem.CLEAR_NUMBERS, "The text has no numbers.");
        }
        String hard = firstMatch(prose, DECIMAL);
        if (hard == null) {
            hard = firstMatch(prose, FRACTION);
        }
        return hard == null
                ? Judgement.decided(PematItem.CLEAR_NUMBERS, Rating.AGREE, "The numbers are whole numbers, without decimals or fractions.")
                : Judgement.decided(PematItem.CLEAR_NUMBERS, Rating.DISAGREE, "\"" + hard
                        + "\": decimals and fractions are harder to read than whole numbers (\"about 1 in 4\").");
    }

    private static Judgement shortSections(BodyShape shape, boolean veryShort, int words) {
        if (veryShort) {
            return notApplicable(PematItem.SHORT_SECTIONS, "Very short material (" + words + " words).");
        }
        if (shape.headings().isEmpty()) {
            return Judgement.decided(PematItem.SHORT_SECTIONS, Rating.DISAGREE, "The text is one block of " + words
                    + " words without headings.");
        }
        int longest = shape.sectionWords().stream().mapToInt(Integer::intValue).max().orElse(0);
        return longest <= LONGEST_SECTION_WORDS
                ? Judgement.decided(PematItem.SHORT_SECTIONS, Rating.AGREE, "Every section is " + LONGEST_SECTION_WORDS
                        + " words or shorter (the longest: " + longest + ").")
                : Judgement.decided(PematItem.SHORT_SECTIONS, Rating.DISAGREE, "A section runs to " + longest
                        + " words; split it under more headings (" + LONGEST_SECTION_WORDS + " at most).");
    }

    private static Judgement informativeHeaders(BodyShape shape, boolean veryShort, int words) {
        if (veryShort) {
            return notApplicable(PematItem.INFORMATIVE_HEADERS, "Very short material (" + words + " words).");
        }
        if (shape.headings().isEmpty()) {
            return Judgement.decided(PematItem.INFORMATIVE_HEADERS, Rating.DISAGREE, "The text has no headings.");
        }
        List<String> generic = shape.headings().stream()
                .filter(h -> GENERIC_HEADINGS.contains(h.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L} ]", "").strip()))
                .toList();
        return generic.isEmpty()
                ? Judgement.decided(PematItem.INFORMATIVE_HEADERS, Rating.AGREE, shape.headings().size()
                        + " headings, none of them a bare label like \"Introduction\".")
                : Judgement.decided(PematItem.INFORMATIVE_HEADERS, Rating.DISAGREE, "Headings that say little: "
                        + String.join(", ", generic) + ". A heading should tell what the section says.");
    }

    private static Judgement summary(BodyShape shape, PematText text, boolean veryShort, int words) {
        if (!text.keyPoints().isEmpty()) {
            return Judgement.decided(PematItem.SUMMARY, Rating.AGREE, "The article has " + text.keyPoints().size() + " key points.");
        }
        for (String heading : shape.headings()) {
            if (SUMMARY_HEADING.matcher(heading).find()) {
                return Judgement.decided(PematItem.SUMMARY, Rating.AGREE, "The section \"" + heading + "\" sums it up.");
            }
        }
        if (veryShort) {
            return notApplicable(PematItem.SUMMARY, "Very short material (" + words + " words).");
        }
        return Judgement.decided(PematItem.SUMMARY, Rating.DISAGREE,
                "No key points and no section such as \"Summary\" or \"Key points\".");
    }

    private static Judgement visualCues(BodyShape shape, PematText text) {
        List<String> cues = new ArrayList<>();
        if (shape.bulletLists() + shape.orderedLists() > 0) {
            cues.add("lists");
        }
        if (shape.strongEmphasis() > 0) {
            cues.add("bold");
        }
        if (shape.blockQuotes() > 0) {
            cues.add("boxed quotes");
        }
        if (!text.keyPoints().isEmpty() || !text.actions().isEmpty()) {
            cues.add("the key points box");
        }
        return cues.isEmpty()
                ? Judgement.decided(PematItem.VISUAL_CUES, Rating.DISAGREE, "No lists, bold text or boxes draw the eye to key points.")
                : Judgement.decided(PematItem.VISUAL_CUES, Rating.AGREE, "Key points stand out through " + String.join(", ", cues) + ".");
    }

    private static Judgement captions(BodyShape shape) {
        if (shape.images().isEmpty()) {
            return notApplicable(PematItem.VISUAL_AIDS_CAPTIONED, "The article has no images.");
        }
        List<String> bare = shape.images().stream()
                .filter(i -> Readability.wordCount(i.title()) < 2 && (Readability.wordCount(i.alt()) < 2 || looksLikeFileName(i.alt())))
                .map(BodyShape.ImageSeen::destination)
                .toList();
        return bare.isEmpty()
                ? Judgement.decided(PematItem.VISUAL_AIDS_CAPTIONED, Rating.AGREE, "Every image has a description or a caption.")
                : Judgement.decided(PematItem.VISUAL_AIDS_CAPTIONED, Rating.DISAGREE, bare.size() + " image(s) without a caption or a "
                        + "description of two words or more, such as " + bare.get(0) + ".");
    }

    private static boolean looksLikeFileName(String alt) {
        return alt.matches("(?i).*\\.(jpe?g|png|gif|webp|svg)$") || alt.matches("(?i)(img|image|dsc|photo)[_ -]?\\d+.*");
    }

    private static Judgement simpleTables(BodyShape shape) {
        if (shape.tableHeaders().isEmpty()) {
            return notApplicable(PematItem.SIMPLE_TABLES, "The article has no tables.");
        }
        for (List<String> header : shape.tableHeaders()) {
            if (header.size() > MOST_TABLE_COLUMNS) {
                return Judgement.decided(PematItem.SIMPLE_TABLES, Rating.DISAGREE, "A table has " + header.size()
                        + " columns; " + MOST_TABLE_COLUMNS + " at most keep it readable on a phone and in print.");
            }
            for (String cell : header) {
                if (cell.isBlank() || Readability.wordCount(cell) > LONGEST_TABLE_HEADING_WORDS) {
                    return Judgement.decided(PematItem.SIMPLE_TABLES, Rating.DISAGREE, cell.isBlank()
                            ? "A table has a column without a heading."
                            : "The table heading \"" + cell + "\" is long; keep headings to " + LONGEST_TABLE_HEADING_WORDS + " words.");
                }
            }
        }
        return Judgement.decided(PematItem.SIMPLE_TABLES, Rating.AGREE, "Every table has short headings and "
                + MOST_TABLE_COLUMNS + " columns at most.");
    }

    private static Judgement actionIdentified(List<String> actions) {
        return actions.isEmpty()
                ? Judgement.decided(PematItem.ACTION_IDENTIFIED, Rating.DISAGREE,
                        "No sentence tells the reader something to do (\"Call your doctor if...\"), and the article has no actions.")
                : Judgement.decided(PematItem.ACTION_IDENTIFIED, Rating.AGREE, "For example: \"" + shorten(actions.get(0)) + "\"");
    }

    private static Judgement addressesUser(List<String> actions) {
        if (actions.isEmpty()) {
            return Judgement.decided(PematItem.ADDRESSES_USER, Rating.DISAGREE, "The article describes no action, so none addresses the reader.");
        }
        return Judgement.decided(PematItem.ADDRESSES_USER, Rating.AGREE,
                "Actions are put to the reader directly (\"you\", or an instruction such as \"" + shorten(actions.get(0)) + "\").");
    }

    private static Judgement explicitSteps(BodyShape shape, PematText text) {
        if (shape.orderedLists() > 0) {
            return Judgement.decided(PematItem.EXPLICIT_STEPS, Rating.AGREE, "A numbered list sets out steps.");
        }
        if (text.actions().size() >= 2) {
            return Judgement.decided(PematItem.EXPLICIT_STEPS, Rating.AGREE, "The \"What you can do\" box lists "
                    + text.actions().size() + " separate actions.");
        }
        return Judgement.forTheEditor(PematItem.EXPLICIT_STEPS,
                "Is each action broken into steps a reader can follow one at a time (a numbered list helps)?");
    }

    /** The article's actions, then sentences that tell the reader to do something, in order. */
    static List<String> actionSentences(List<Passage> prose, List<String> actions) {
        return actionSentences(prose, actions, "en");
    }

    /** As above; the instructions in the text are recognised in English only (the actions box counts in any language). */
    static List<String> actionSentences(List<Passage> prose, List<String> actions, String lang) {
        List<String> found = new ArrayList<>(actions);
        if (TextLanguage.of(lang) != TextLanguage.ENGLISH) {
            return found;
        }
        for (Passage passage : prose) {
            for (String sentence : Readability.sentences(passage, lang)) {
                String first = sentence.strip().split("[\\s,]+", 2)[0].toLowerCase(Locale.ROOT).replace('’', '\'');
                if (ACTION_VERBS.contains(first) || (YOU.matcher(sentence).find() && YOU_CAN.matcher(sentence).find())) {
                    found.add(sentence.strip());
                }
            }
        }
        return found;
    }

    private static Judgement notApplicable(PematItem item, String reason) {
        return Judgement.decided(item, Rating.NOT_APPLICABLE, reason);
    }

    private static String firstMatch(List<Passage> prose, Pattern pattern) {
        for (Passage passage : prose) {
            Matcher m = pattern.matcher(passage.text());
            if (m.find()) {
                return m.group();
            }
        }
        return null;
    }

    private static String shorten(String sentence) {
        return sentence.length() <= 90 ? sentence : sentence.substring(0, 87).strip() + "...";
    }
}
