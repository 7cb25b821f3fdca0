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
 * Medical terms with a plain-language alternative: the shipped list
 * ({@code src/main/resources/readability/glossary.tsv}, written for this project) with the site's
 * own {@code DATA/glossary.tsv} on top, where a term replaces the shipped entry and a term with no
 * alternative removes it. {@link #find} lists the terms a text uses, matched as whole words in any
 * case and in their simple plurals (-s, -es, -y to -ies). English only.
 */
public final class Glossary {

    /** A term of the glossary found in a text: how often, and the line of its first use. */
    public record Found(String term, String plain, int count, int firstLine) {
    }

    private final Map<String, String> entries;
    private final Map<String, String> termOfForm = new LinkedHashMap<>();
    private final Pattern pattern;

    Glossary(List<String> lines) {
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
            for (String form : forms(key)) {
                termOfForm.putIfAbsent(form, key);
            }
        }
        List<String> alternatives = new ArrayList<>(termOfForm.keySet());
        alternatives.sort(Comparator.comparingInt(String::length).reversed()); // "deep vein thrombosis" before "thrombosis"
        this.pattern = alternatives.isEmpty() ? null : Pattern.compile("(?<![\\p{L}\\p{N}-])("
                + String.join("|", alternatives.stream().map(Glossary::spaced).toList()) + ")(?![\\p{L}\\p{N}]|-\\p{L})",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** The shipped glossary, with the site's file on top when there is one. */
    public static Glossary load(Path siteFile) {
        List<String> lines = new ArrayList<>(shipped());
        if (siteFile != null && Files.isRegularFile(siteFile)) {
            try {
                lines.addAll(Files.readAllLines(siteFile, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the glossary " + siteFile, e);
            }
        }
        return new Glossary(lines);
    }

    /** The shipped glossary alone. */
    public static Glossary shippedOnly() {
        return new Glossary(shipped());
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
                if (key == null || isProperName(passage.text(), m.start())) {
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
     * not the medical term; at a sentence's start the capital says nothing.
     */
    static boolean isProperName(String text, int start) {
        if (!Character.isUpperCase(text.charAt(start))) {
            return false;
        }
        for (int i = start - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c) && c != '*' && c != '_' && c != '"' && c != '(' && c != '\u201c') {
                return ".!?:;".indexOf(c) < 0;
            }
        }
        return false; // the passage's first word
    }

    /** A term as a pattern in which any run of white space (a line break too) separates its words. */
    private static String spaced(String form) {
        return String.join("\\s+", java.util.Arrays.stream(form.split(" ")).map(Pattern::quote).toList());
    }

    /** A term and its simple plurals. */
    private static List<String> forms(String term) {
        List<String> forms = new ArrayList<>(List.of(term, term + "s", term + "es"));
        if (term.endsWith("y") && term.length() > 2) {
            forms.add(term.substring(0, term.length() - 1) + "ies");
        }
        if (term.endsWith("is") && term.length() > 3) {
            forms.add(term.substring(0, term.length() - 2) + "es"); // diagnosis, diagnoses
        }
        return forms;
    }

    private static List<String> shipped() {
        try (InputStream in = Glossary.class.getResourceAsStream("/readability/glossary.tsv")) {
            return in == null ? List.of() : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the shipped glossary", e);
        }
    }
}
