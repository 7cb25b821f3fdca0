package org.vertebra.readability;

import java.util.Locale;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * What the readability measures know of a text's language, chosen by the article's BCP 47 tag
 * ({@code "es"}, {@code "es-MX"}, {@code "de-AT"}: only the primary subtag counts): how to count a
 * word's syllables, which abbreviations a full stop does not end a sentence after, and whether a
 * readability formula has been validated for it. A language without one is {@link #UNASSESSED}:
 * its words and sentences are counted, but no score is given, since an English formula applied to
 * another language's syllables measures nothing a reader would recognise.
 */
public enum TextLanguage {
    ENGLISH("en", SyllableCounter::count, Set.of(
            "dr", "mr", "mrs", "ms", "prof", "st", "vs", "al", "fig", "figs", "approx", "cf", "inc", "jr",
            "sr", "vol", "pp", "dept")),
    SPANISH("es", SpanishSyllables::count, Set.of(
            "dr", "dra", "sr", "sra", "srta", "ud", "uds", "p", "pág", "págs", "ej", "núm", "aprox", "fig",
            "vol", "cap", "art", "av", "tel", "al", "cf", "vs", "ee", "uu")),
    FRENCH("fr", FrenchSyllables::count, Set.of(
            "dr", "pr", "mme", "mmes", "mlle", "mlles", "me", "p", "ex", "env", "cf", "fig", "vol", "chap",
            "av", "st", "ste", "al", "vs", "tél", "hab")),
    GERMAN("de", GermanSyllables::count, Set.of(
            "dr", "prof", "bzw", "ca", "vgl", "evtl", "ggf", "ggfs", "nr", "abb", "bspw", "inkl", "sog", "tägl",
            "mind", "str", "al", "vs", "hr", "fr", "jh", "ff", "s")),
    /** Any other language: counted, not scored. */
    UNASSESSED("", word -> 0, ENGLISH.abbreviations);

    private final String code;
    private final ToIntFunction<String> syllables;
    private final Set<String> abbreviations;

    TextLanguage(String code, ToIntFunction<String> syllables, Set<String> abbreviations) {
        this.code = code;
        this.syllables = syllables;
        this.abbreviations = abbreviations;
    }

    /**
     * The language of a BCP 47 tag; a missing tag is English, the language of every article
     * written before articles had one.
     */
    public static TextLanguage of(String tag) {
        String primary = primary(tag);
        if (primary.isEmpty()) {
            return ENGLISH;
        }
        for (TextLanguage language : values()) {
            if (language != UNASSESSED && language.code.equals(primary)) {
                return language;
            }
        }
        return UNASSESSED;
    }

    /** The primary subtag in lower case ("es" of "es-MX"); "" for a missing tag. */
    static String primary(String tag) {
        if (tag == null || tag.isBlank()) {
            return "";
        }
        String t = tag.strip().replace('_', '-');
        int dash = t.indexOf('-');
        return (dash < 0 ? t : t.substring(0, dash)).toLowerCase(Locale.ROOT);
    }

    /** The language's name in English ("Hindi" for "hi"), or the tag itself when Java does not know it. */
    static String nameOf(String tag) {
        String primary = primary(tag);
        if (primary.isEmpty()) {
            return "English";
        }
        String name = Locale.forLanguageTag(primary).getDisplayLanguage(Locale.ENGLISH);
        return name.isBlank() || name.equalsIgnoreCase(primary) ? primary : name;
    }

    /** Syllables of one word by this language's rules; 0 for a language without rules here. */
    int syllables(String word) {
        return syllables.applyAsInt(word);
    }

    Set<String> abbreviations() {
        return abbreviations;
    }

    /**
     * German writes ordinal numbers with a full stop ("am 3. Tag", "die 6. Woche"), so a full
     * stop after a number of one to three digits does not end a German sentence. A German sentence
     * that ends on a bare number ("Das Risiko liegt bei 5.") is read on into the next: the price
     * of the rule.
     */
    boolean writesOrdinalsWithAFullStop() {
        return this == GERMAN;
    }
}
