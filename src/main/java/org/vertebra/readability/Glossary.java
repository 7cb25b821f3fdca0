package org.vertebra.readability;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vertebra.content.MarkdownProse;
import org.vertebra.content.Passage;

/**
 * Medical terms of one language with a plain-language alternative: the shipped list
 * ({@code src/main/resources/readability/glossary.tsv} for English, {@code glossary-es.tsv} for
 * Spanish, written for this project) with the site's own file on top ({@code DATA/glossary.tsv},
 * {@code DATA/glossary-es.tsv}, ...; see {@link Glossaries}), where a term replaces the shipped
 * entry and a term with no alternative removes it. {@link #find} lists the terms a text uses,
 * matched as whole words in any case and in the forms its language inflects them to
 * ({@link TermForms}).
 */
public final class Glossary {

    /** A term of the glossary found in a text: how often, and the line of its first use. */
    public record Found(String term, String plain, int count, int firstLine) {
    }

    private final Map<String, String> entries;
    private final Map<String, String> termOfForm = new LinkedHashMap<>();
    private final Pattern pattern;
    private final boolean capitalsMarkNames;

    Glossary(List<String> lines) {
        this(lines, TextLanguage.ENGLISH);
    }

    /**
     * German writes every noun with a capital, so there a capital inside a sentence does not mark
     * a name; in the other languages it does.
     */
    Glossary(List<String> lines, TextLanguage language) {
        this.capitalsMarkNames = language != TextLanguage.GERMAN;
        TermForms termForms = TermForms.of(language);
        Map<String, String> parsed = new LinkedHashMap<>();
        for (String raw : lines) {
            if (raw.isBlank() || raw.stripLeading().startsWith("#")) {
                continue;
            }
            int tab = raw.indexOf('\t');
            String term = (tab < 0 ? raw : raw.substring(0, tab)).strip();
            String plain = tab < 0 ? "" : raw.substring(tab + 1).strip();
            if (term.isEmpty()) {
                continue;
            }
            String key = term.toLowerCase(Locale.ROOT);
            parsed.remove(key);
            if (!plain.isEmpty()) {
                parsed.put(key, term + "\t" + plain);
            }
        }
        this.entries = Map.copyOf(parsed);
        for (String key : parsed.keySet()) {
            for (String form : termForms.of(key)) {
                termOfForm.putIfAbsent(form, key);
            }
        }
        List<String> alternatives = new ArrayList<>(termOfForm.keySet());
        alternatives.sort(Comparator.comparingInt(String::length).reversed()); // "deep vein thrombosis" before "thrombosis"
        this.pattern = alternatives.isEmpty() ? null : Pattern.compile("(?<![\\p{L}\\p{N}-])("
                + String.join("|", alternatives.stream().map(Glossary::spaced).toList()) + ")(?![\\p{L}\\p{N}]|-\\p{L})",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** The shipped English glossary, with the site's file on top when there is one. */
    public static Glossary load(Path siteFile) {
        return load(TextLanguage.ENGLISH, "/readability/glossary.tsv", siteFile);
    }

    /** A language's shipped glossary (none when the resource does not exist) with the site's file on top. */
    static Glossary load(TextLanguage language, String shippedResource, Path siteFile) {
        List<String> lines = new ArrayList<>(shipped(shippedResource));
        if (siteFile != null && Files.isRegularFile(siteFile)) {
            try {
                lines.addAll(Files.readAllLines(siteFile, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the glossary " + siteFile, e);
            }
        }
        return new Glossary(lines, language);
    }

    /** The shipped English glossary alone. */
    public static Glossary shippedOnly() {
        return new Glossary(shipped("/readability/glossary.tsv"));
    }

    /** Whether the glossary has no term: no list is shipped for its language and the site has none. */
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    static Glossary of(String... lines) {
        return new Glossary(List.of(lines));
    }

    public int size() {
        return entries.size();
    }

    /** The plain alternative for a term, or null when the glossary has none. */
    public String plainFor(String term) {
        String entry = entries.get(term.toLowerCase(Locale.ROOT));
        return entry == null ? null : entry.substring(entry.indexOf('\t') + 1);
    }

    /**
     * The glossary's terms in a Markdown body's prose (paragraphs, list items, headings, table
     * cells; not code or the references), in order of first use; lines are lines of the body.
     */
    public List<Found> find(String markdownBody) {
        return find(MarkdownProse.of(markdownBody));
    }

    public List<Found> find(List<Passage> passages) {
        Map<String, int[]> seen = new LinkedHashMap<>(); // term -> {count, first line}
        if (pattern == null) {
            return List.of();
        }
        for (Passage passage : passages) {
            Matcher m = pattern.matcher(passage.text());
            while (m.find()) {
                String key = termOfForm.get(m.group(1).toLowerCase(Locale.ROOT).replaceAll("\\s+", " "));
                if (key == null || capitalsMarkNames && !writtenInCapitals(key) && isProperName(passage.text(), m.start())) {
                    continue;
                }
                int[] counts = seen.computeIfAbsent(key, k -> new int[] {0, passage.lineAt(m.start())});
                counts[0]++;
            }
        }
        List<Found> found = new ArrayList<>();
        seen.forEach((key, counts) -> {
            String entry = entries.get(key);
            int tab = entry.indexOf('\t');
            found.add(new Found(entry.substring(0, tab), entry.substring(tab + 1), counts[0], counts[1]));
        });
        return List.copyOf(found);
    }

    /**
     * A capitalised word inside a sentence is a name ("written for Vertebra", "the Lumbar Clinic"),
     * not the medical term; at a sentence's start the capital says nothing, nor after the '¿' or
     * '¡' that opens a Spanish question or exclamation, or the guillemet that opens a quotation.
     */
    static boolean isProperName(String text, int start) {
        if (!Character.isUpperCase(text.charAt(start))) {
            return false;
        }
        for (int i = start - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c) && c != '*' && c != '_' && c != '"' && c != '(' && c != '\u201c' && c != '«') {
                return ".!?:;¿¡".indexOf(c) < 0;
            }
        }
        return false; // the passage's first word
    }

    /** A term the glossary writes with a capital ("NSAID", "AINE") is not taken for a name when capitalised. */
    private boolean writtenInCapitals(String key) {
        return Character.isUpperCase(entries.get(key).charAt(0));
    }

    /** A term as a pattern in which any run of white space (a line break too) separates its words. */
    private static String spaced(String form) {
        return String.join("\\s+", java.util.Arrays.stream(form.split(" ")).map(Pattern::quote).toList());
    }

    private static List<String> shipped(String resource) {
        try (InputStream in = Glossary.class.getResourceAsStream(resource)) {
            return in == null ? List.of() : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the shipped glossary", e);
        }
    }
}
