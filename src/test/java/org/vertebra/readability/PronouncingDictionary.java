package org.vertebra.readability;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Syllable counts from the CMU Pronouncing Dictionary (Carnegie Mellon University, about 134,000
 * words of North American English, each with its phonemes), as the npm package
 * cmu-pronouncing-dictionary ships it. Every vowel phoneme carries a stress digit, so a word's
 * syllables are the digits in its first pronunciation. The tests use it as the published reference
 * our heuristic {@link SyllableCounter} is measured against. Being American and general, it lacks
 * some medical words; a short list split by hand fills those in.
 */
final class PronouncingDictionary {

    private static final Pattern ENTRY = Pattern.compile("^\\s*\"([^\"]+)\": \"([^\"]+)\",?$");

    private final Map<String, Integer> syllables;

    private PronouncingDictionary(Map<String, Integer> syllables) {
        this.syllables = syllables;
    }

    /** Reads the package's {@code index.js}, one {@code "word": "PH ON EMES",} entry a line. */
    static PronouncingDictionary load(Path indexJs) throws IOException {
        Map<String, Integer> syllables = new HashMap<>();
        for (String line : Files.readAllLines(indexJs, StandardCharsets.UTF_8)) {
            Matcher entry = ENTRY.matcher(line);
            if (entry.matches() && !entry.group(1).contains("(")) {
                syllables.put(entry.group(1), (int) entry.group(2).chars().filter(Character::isDigit).count());
            }
        }
        if (syllables.size() < 100_000) {
            throw new IOException(indexJs + " holds " + syllables.size() + " entries; is it the dictionary?");
        }
        return new PronouncingDictionary(syllables);
    }

    /**
     * The dictionary where the build installs the package (see the pom and
     * src/test/e2e/package.json), with the medical words it lacks from our hand-split list.
     */
    static PronouncingDictionary installed() throws IOException {
        PronouncingDictionary dictionary = load(Path.of(System.getProperty("vertebra.cmudict",
                "src/test/e2e/node_modules/cmu-pronouncing-dictionary/index.js")));
        try (InputStream in = PronouncingDictionary.class.getResourceAsStream("/readability/medical-syllables.txt")) {
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .forEach(split -> dictionary.syllables.putIfAbsent(split.replace("-", ""), split.split("-").length));
        }
        return dictionary;
    }

    /**
     * A word's syllables, trying the American spellings of British words (the dictionary is
     * American; "recognise" and "recognize", "haemorrhage" and "hemorrhage" sound alike), and a
     * hyphenated word as the sum of its parts.
     */
    OptionalInt syllables(String word) {
        String lower = word.toLowerCase(Locale.ROOT).replace('’', '\'');
        if (lower.contains("-")) {
            int sum = 0;
            for (String part : lower.split("-+")) {
                OptionalInt n = part.isEmpty() ? OptionalInt.of(0) : syllables(part);
                if (n.isEmpty()) {
                    return n;
                }
                sum += n.getAsInt();
            }
            return OptionalInt.of(sum);
        }
        for (String spelling : spellings(lower)) {
            Integer n = syllables.get(spelling);
            if (n != null) {
                return OptionalInt.of(n);
            }
        }
        return OptionalInt.empty();
    }

    private static List<String> spellings(String british) {
        String american = british
                .replaceAll("is(e|es|ed|ing|ation|ations|ability)$", "iz$1")
                .replaceAll("our(s|ed|ing|able)?$", "or$1")
                .replaceAll("tre(s)?$", "ter$1")
                .replace("ae", "e")
                .replace("oe", "e")
                .replaceAll("ll(ed|ing)$", "l$1");
        return List.of(british, american);
    }
}
