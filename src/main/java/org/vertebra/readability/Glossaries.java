package org.vertebra.readability;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The jargon finder's glossary for each language, chosen by a text's BCP 47 tag (its primary
 * subtag: "es-MX" reads the Spanish one). English and Spanish are shipped; a site adds terms to
 * them, or a glossary for another language, with a file in its data folder: {@code glossary.tsv}
 * for English (as before languages), {@code glossary-es.tsv}, {@code glossary-fr.tsv}, ... for the
 * others. A language with neither has an empty glossary, and the editor says so. English and
 * Spanish are read at start, so a broken file stops the start; another language when first asked.
 */
public final class Glossaries {

    private static final Glossary NONE = new Glossary(java.util.List.of(), TextLanguage.UNASSESSED);

    private final Path dataDir;
    private final Map<String, Glossary> byLanguage = new ConcurrentHashMap<>();

    private Glossaries(Path dataDir) {
        this.dataDir = dataDir;
        forLanguage("en");
        forLanguage("es");
    }

    /** The shipped glossaries with the site's files in {@code dataDir} on top; null for none. */
    public static Glossaries load(Path dataDir) {
        return new Glossaries(dataDir);
    }

    /** The shipped glossaries alone. */
    public static Glossaries shippedOnly() {
        return new Glossaries(null);
    }

    /** The glossary of the language of this tag; a missing tag is English. Empty when there is none. */
    public Glossary forLanguage(String lang) {
        String primary = TextLanguage.primary(lang);
        if (!primary.isEmpty() && !primary.matches("[a-z]{2,8}")) {
            return NONE; // not a language subtag: no file name is made from it
        }
        return byLanguage.computeIfAbsent(primary.isEmpty() ? "en" : primary, this::read);
    }

    private Glossary read(String code) {
        boolean english = code.equals("en");
        String file = english ? "glossary.tsv" : "glossary-" + code + ".tsv";
        return Glossary.load(TextLanguage.of(code), "/readability/" + file, dataDir == null ? null : dataDir.resolve(file));
    }
}
