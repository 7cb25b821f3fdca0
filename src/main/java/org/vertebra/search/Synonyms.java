package org.vertebra.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * Loads a language's synonym rules: the site's own file when it has one, else the list shipped
 * with Vertebra for the language, else none. English's files are {@code synonyms.txt}; another
 * language's carry its tag: {@code synonyms.es.txt} beside it in the data folder, and
 * {@code search/synonyms.es.txt} among the shipped ones.
 */
final class Synonyms {

    static final String DEFAULTS = "/search/synonyms.txt";

    private Synonyms() {
    }

    /**
     * @param siteFile the site's list; when null or missing the shipped defaults are used instead
     * @throws IllegalArgumentException when the site's file breaks the format, naming the line,
     *                                  so an owner sees the mistake at start rather than silently losing synonyms
     */
    static SynonymMap load(Path siteFile) {
        return load(siteFile, IndexLanguage.ENGLISH);
    }

    /**
     * @param englishFile the site's English list ({@code DATA/synonyms.txt}); the other languages'
     *                    lists are looked for beside it. May be null: then only shipped lists are used
     * @return the rules, or null when the language has neither a site list nor a shipped one
     */
    static SynonymMap load(Path englishFile, IndexLanguage lang) {
        Path siteFile = siteFile(englishFile, lang);
        if (siteFile != null && Files.isRegularFile(siteFile)) {
            try (Reader reader = Files.newBufferedReader(siteFile, StandardCharsets.UTF_8)) {
                return parse(reader, siteFile.toString(), lang);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read synonyms from " + siteFile, e);
            }
        }
        String shipped = shipped(lang);
        try (InputStream in = Synonyms.class.getResourceAsStream(shipped)) {
            if (in == null) {
                if (lang.isEnglish()) {
                    throw new IllegalStateException("Missing " + DEFAULTS + " on the class path");
                }
                return null;
            }
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8), shipped, lang);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + shipped, e);
        }
    }

    /** The site's list for a language: {@code synonyms.txt} for English, {@code synonyms.es.txt} beside it for Spanish. */
    static Path siteFile(Path englishFile, IndexLanguage lang) {
        if (englishFile == null || lang.isEnglish()) {
            return englishFile;
        }
        return englishFile.resolveSibling(fileName(lang));
    }

    /** The tags of the languages the site has its own lists for, other than English. */
    static List<String> siteLanguages(Path englishFile) {
        if (englishFile == null || englishFile.getParent() == null || !Files.isDirectory(englishFile.getParent())) {
            return List.of();
        }
        Pattern name = Pattern.compile("synonyms\\.([a-z]{2,3})\\.txt");
        try (Stream<Path> files = Files.list(englishFile.getParent())) {
            return files.map(f -> name.matcher(f.getFileName().toString())).filter(Matcher::matches)
                    .map(m -> m.group(1)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + englishFile.getParent(), e);
        }
    }

    private static String shipped(IndexLanguage lang) {
        return lang.isEnglish() ? DEFAULTS : "/search/" + fileName(lang);
    }

    private static String fileName(IndexLanguage lang) {
        return "synonyms." + lang.key() + ".txt";
    }

    private static SynonymMap parse(Reader reader, String source, IndexLanguage lang) throws IOException {
        // dedup: two spellings that analyse alike ("anti-inflammatory", "anti inflammatory") make one rule;
        // expand: "a, b, c" maps each to all, which is what a site owner means by a line of equals.
        SolrSynonymParser parser = new SolrSynonymParser(true, true, SearchAnalyzers.forSynonymRules(lang));
        try {
            parser.parse(reader);
            return parser.build();
        } catch (ParseException | IllegalArgumentException e) {
            String cause = e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")";
            throw new IllegalArgumentException("Bad synonyms in " + source + ": " + e.getMessage() + cause, e);
        }
    }
}
