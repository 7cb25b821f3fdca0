package org.vertebra.search;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.ar.ArabicNormalizationFilter;
import org.apache.lucene.analysis.ar.ArabicStemFilter;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.core.DecimalDigitFilter;
import org.apache.lucene.analysis.da.DanishAnalyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.de.GermanLightStemFilter;
import org.apache.lucene.analysis.de.GermanNormalizationFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.es.SpanishLightStemFilter;
import org.apache.lucene.analysis.fi.FinnishAnalyzer;
import org.apache.lucene.analysis.fi.FinnishLightStemFilter;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.hi.HindiAnalyzer;
import org.apache.lucene.analysis.hi.HindiNormalizationFilter;
import org.apache.lucene.analysis.hi.HindiStemFilter;
import org.apache.lucene.analysis.in.IndicNormalizationFilter;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.it.ItalianLightStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.no.NorwegianAnalyzer;
import org.apache.lucene.analysis.no.NorwegianLightStemFilter;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseLightStemFilter;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.ru.RussianLightStemFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.sv.SwedishAnalyzer;
import org.apache.lucene.analysis.sv.SwedishLightStemFilter;
import org.apache.lucene.analysis.util.ElisionFilter;
import org.tartarus.snowball.ext.DanishStemmer;
import org.tartarus.snowball.ext.DutchStemmer;
import org.vertebra.language.Language;

/**
 * A language as the index knows it: how its text becomes terms, and the fields that hold it.
 *
 * <p>Each language has fields of its own ("title" for English, "title.es" for Spanish), analysed
 * with that language's steps. A search in one language then reads only its own fields, so it
 * finds only that language's articles without a filter, its spelling suggestions and title
 * suggestions are that language's words, and the related articles of one are in its language.
 * English keeps the plain field names and exactly the steps it had before languages, so an
 * English site's index and searches are what they were.
 *
 * <p>The steps follow Lucene's own analyzer for each language (its stop words, normalisation and
 * light stemmer), taken apart so synonyms can follow the stems and spelling can use the words.
 *
 * @param key        the language's base tag ("es"), or "en"
 * @param normalized from the tokenizer's words to the words as spelt (lower case, the language's
 *                   normalisation): what spelling and title suggestions use
 * @param stopWords  dropped from the stemmed fields
 * @param stemmed    from the words left after the stop words to the terms that match
 */
record IndexLanguage(String key, UnaryOperator<TokenStream> normalized, CharArraySet stopWords,
                     UnaryOperator<TokenStream> stemmed) {

    /** Separates a field's name from its language: nothing in the base names uses it. */
    static final char SEPARATOR = '.';

    static final IndexLanguage ENGLISH = new IndexLanguage("en",
            // The possessive filter runs first: it knows "Golfer's" as well as "golfer's".
            in -> new ASCIIFoldingFilter(new LowerCaseFilter(new EnglishPossessiveFilter(in))),
            EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, PorterStemFilter::new);

    /** Italian's elided articles ("l'osso", "dell'anca"), as Lucene's ItalianAnalyzer lists them. */
    private static final CharArraySet ITALIAN_ARTICLES = new CharArraySet(List.of("c", "l", "all", "dall",
            "dell", "nell", "sull", "coll", "pell", "gl", "agl", "dagl", "degl", "negl", "sugl", "un", "m", "t", "s",
            "v", "d"), true);

    private static final Map<String, IndexLanguage> KNOWN = Map.ofEntries(
            Map.entry("en", ENGLISH),
            Map.entry("es", simple("es", SpanishAnalyzer.getDefaultStopSet(), SpanishLightStemFilter::new)),
            Map.entry("pt", simple("pt", PortugueseAnalyzer.getDefaultStopSet(), PortugueseLightStemFilter::new)),
            Map.entry("fr", new IndexLanguage("fr", in -> new LowerCaseFilter(new ElisionFilter(in, FrenchAnalyzer.DEFAULT_ARTICLES)),
                    FrenchAnalyzer.getDefaultStopSet(), FrenchLightStemFilter::new)),
            Map.entry("it", new IndexLanguage("it", in -> new LowerCaseFilter(new ElisionFilter(in, ITALIAN_ARTICLES)),
                    ItalianAnalyzer.getDefaultStopSet(), ItalianLightStemFilter::new)),
            Map.entry("de", simple("de", GermanAnalyzer.getDefaultStopSet(),
                    in -> new GermanLightStemFilter(new GermanNormalizationFilter(in)))),
            Map.entry("hi", new IndexLanguage("hi",
                    in -> new HindiNormalizationFilter(new IndicNormalizationFilter(new DecimalDigitFilter(new LowerCaseFilter(in)))),
                    HindiAnalyzer.getDefaultStopSet(), HindiStemFilter::new)),
            // Arabic's stop words are listed as written, so its normalisation comes after them, as in Lucene's analyzer.
            Map.entry("ar", new IndexLanguage("ar", in -> new DecimalDigitFilter(new LowerCaseFilter(in)),
                    ArabicAnalyzer.getDefaultStopSet(), in -> new ArabicStemFilter(new ArabicNormalizationFilter(in)))),
            Map.entry("nl", simple("nl", DutchAnalyzer.getDefaultStopSet(), in -> new SnowballFilter(in, new DutchStemmer()))),
            Map.entry("da", simple("da", DanishAnalyzer.getDefaultStopSet(), in -> new SnowballFilter(in, new DanishStemmer()))),
            Map.entry("sv", simple("sv", SwedishAnalyzer.getDefaultStopSet(), SwedishLightStemFilter::new)),
            Map.entry("no", simple("no", NorwegianAnalyzer.getDefaultStopSet(), NorwegianLightStemFilter::new)),
            Map.entry("nb", simple("nb", NorwegianAnalyzer.getDefaultStopSet(), NorwegianLightStemFilter::new)),
            Map.entry("fi", simple("fi", FinnishAnalyzer.getDefaultStopSet(), FinnishLightStemFilter::new)),
            Map.entry("ru", simple("ru", RussianAnalyzer.getDefaultStopSet(), RussianLightStemFilter::new)),
            // No spaces between words: pairs of characters are the terms, as Lucene's CJKAnalyzer makes them.
            Map.entry("zh", cjk("zh")), Map.entry("ja", cjk("ja")), Map.entry("ko", cjk("ko")));

    /** Languages Lucene has no analysis for, made once each: few, since only tags that name a language reach here. */
    private static final Map<String, IndexLanguage> OTHERS = new ConcurrentHashMap<>();

    IndexLanguage {
        Objects.requireNonNull(key, "key");
    }

    /**
     * The index's steps for this language: Lucene's analysis where it has one, else words in lower
     * case, neither stemmed nor filtered, which still find the words as written.
     */
    static IndexLanguage of(Language language) {
        return forKey(language == null ? "en" : language.base());
    }

    static IndexLanguage forKey(String key) {
        IndexLanguage known = KNOWN.get(key);
        return known != null ? known : OTHERS.computeIfAbsent(key,
                k -> new IndexLanguage(k, LowerCaseFilter::new, CharArraySet.EMPTY_SET, UnaryOperator.identity()));
    }

    /** True when Lucene has a stemmer for the language, so "fractura" finds "fracturas". */
    boolean isStemmed() {
        return KNOWN.containsKey(key);
    }

    boolean isEnglish() {
        return ENGLISH.key.equals(key);
    }

    /** The name of a field for this language: the base name for English, "title.es" for Spanish. */
    String field(String base) {
        return isEnglish() ? base : base + SEPARATOR + key;
    }

    /** The language whose field this is: English for a plain name. */
    static IndexLanguage ofField(String field) {
        int separator = field.lastIndexOf(SEPARATOR);
        return separator < 0 ? ENGLISH : forKey(field.substring(separator + 1));
    }

    /** The base name of a field, without its language. */
    static String baseName(String field) {
        int separator = field.lastIndexOf(SEPARATOR);
        return separator < 0 ? field : field.substring(0, separator);
    }

    private static IndexLanguage simple(String key, CharArraySet stopWords, UnaryOperator<TokenStream> stemmer) {
        return new IndexLanguage(key, LowerCaseFilter::new, stopWords, stemmer);
    }

    private static IndexLanguage cjk(String key) {
        return new IndexLanguage(key, in -> new LowerCaseFilter(new CJKWidthFilter(in)), CharArraySet.EMPTY_SET,
                CJKBigramFilter::new);
    }
}
