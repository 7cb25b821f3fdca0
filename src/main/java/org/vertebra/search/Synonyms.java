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
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymMap;

/** Loads the synonym rules: the site's own file when it has one, else the list shipped with Vertebra. */
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
        if (siteFile != null && Files.isRegularFile(siteFile)) {
            try (Reader reader = Files.newBufferedReader(siteFile, StandardCharsets.UTF_8)) {
                return parse(reader, siteFile.toString());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read synonyms from " + siteFile, e);
            }
        }
        try (InputStream in = Synonyms.class.getResourceAsStream(DEFAULTS)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + DEFAULTS + " on the class path");
            }
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8), DEFAULTS);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + DEFAULTS, e);
        }
    }

    private static SynonymMap parse(Reader reader, String source) throws IOException {
        // dedup: two spellings that analyse alike ("anti-inflammatory", "anti inflammatory") make one rule;
        // expand: "a, b, c" maps each to all, which is what a site owner means by a line of equals.
        SolrSynonymParser parser = new SolrSynonymParser(true, true, SearchAnalyzers.forSynonymRules());
        try {
            parser.parse(reader);
            return parser.build();
        } catch (ParseException | IllegalArgumentException e) {
            String cause = e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")";
            throw new IllegalArgumentException("Bad synonyms in " + source + ": " + e.getMessage() + cause, e);
        }
    }
}
