package org.vertebra.readability;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts the spoken syllables of an English word by rule, as readability formulas need: vowel
 * groups, less a silent final e or -ed/-es, plus the vowel pairs that English says as two
 * syllables (osteo-, radi-al, actu-al), except where a c, g, l, s, t or x before them makes one
 * sound (so-cial, na-tion, Austral-ian: the published Flesch-Kincaid examples count it so). Like every rule-based counter it misses some words; the
 * commonest misses in health writing are listed as exceptions. Numbers count one syllable per
 * digit, at most four ("2011" is "twenty eleven").
 */
final class SyllableCounter {

    /** Words the rules get wrong, with their dictionary (Merriam-Webster) syllable counts. */
    private static final Map<String, Integer> EXCEPTIONS = Map.ofEntries(
            Map.entry("acne", 2), Map.entry("area", 3), Map.entry("areas", 3), Map.entry("idea", 3),
            Map.entry("ideas", 3), Map.entry("create", 2), Map.entry("created", 3), Map.entry("creates", 2),
            Map.entry("people", 2), Map.entry("recipe", 3), Map.entry("sciatica", 4), Map.entry("every", 2),
            Map.entry("business", 2), Map.entry("doesn't", 2), Map.entry("isn't", 2), Map.entry("wasn't", 2),
            Map.entry("being", 2), Map.entry("seeing", 2), Map.entry("fluid", 2), Map.entry("fluids", 2),
            Map.entry("via", 2), Map.entry("bruise", 1), Map.entry("bruised", 1), Map.entry("diagnose", 3),
            Map.entry("diagnosed", 3), Map.entry("naive", 2), Map.entry("queue", 1), Map.entry("science", 2),
            Map.entry("element", 3), Map.entry("elements", 3), Map.entry("cement", 2), Map.entry("therefore", 2));

    /** Compounds whose first part ends in a silent e or y-vowel that the rules would misjudge inside a word. */
    private static final List<String> COMPOUND_STARTS = List.of("some", "every");

    /** Suffixes after which a stem's final e stays silent: replace-ment, complete-ly, care-ful. */
    private static final Pattern SILENT_E_BEFORE_SUFFIX =
            Pattern.compile("[aeiouy][^aeiouy]e(?=(ment|ments|ly|ful|ness|less)$)");

    private SyllableCounter() {
    }

    /** Syllables in one word (letters, digits, apostrophes and hyphens); at least 1 for any word. */
    public static int count(String word) {
        String lower = word.toLowerCase(Locale.ROOT).replace('’', '\'');
        if (lower.indexOf('-') >= 0) {
            int sum = 0;
            for (String part : lower.split("-+")) {
                sum += part.isEmpty() ? 0 : count(part);
            }
            return Math.max(1, sum);
        }
        Integer known = EXCEPTIONS.get(lower);
        if (known != null) {
            return known;
        }
        String letters = lower.replaceAll("[^a-z]", "");
        if (letters.isEmpty()) {
            long digits = lower.chars().filter(Character::isDigit).count();
            return (int) Math.max(1, Math.min(4, digits));
        }
        for (String start : COMPOUND_STARTS) {
            if (letters.startsWith(start) && letters.length() >= start.length() + 3) {
                return count(start) + count(letters.substring(start.length()));
            }
        }
        Matcher suffix = SILENT_E_BEFORE_SUFFIX.matcher(letters);
        if (suffix.find()) {
            int e = suffix.end() - 1;
            return count(letters.substring(0, e + 1)) + count(letters.substring(e + 1));
        }
        return Math.max(1, vowelGroups(letters) - silentEndings(letters) + splitPairs(letters));
    }

    private static boolean isVowel(String w, int i) {
        char c = w.charAt(i);
        if (c == 'y') {
            // y is a consonant at the start of a word and between vowels (yes, beyond, player)
            return i > 0 && !(isVowelLetter(w.charAt(i - 1)) && i + 1 < w.length() && isVowelLetter(w.charAt(i + 1)));
        }
        return isVowelLetter(c);
    }

    private static boolean isVowelLetter(char c) {
        return "aeiou".indexOf(c) >= 0;
    }

    private static int vowelGroups(String w) {
        int groups = 0;
        for (int i = 0; i < w.length(); i++) {
            boolean startsGroup = isVowel(w, i) && (i == 0 || !isVowel(w, i - 1)
                    || w.charAt(i - 1) == 'y' && w.charAt(i) != 'e'); // dy-ing, embry-o; but dye
            if (startsGroup) {
                groups++;
            }
        }
        return groups;
    }

    /** A final e after a consonant is silent (bone, fracture), except in -le after a consonant (ankle). */
    private static int silentEndings(String w) {
        int n = w.length();
        if (n < 3) {
            return 0;
        }
        if (w.endsWith("e") && !isVowel(w, n - 2)) {
            boolean consonantLe = w.endsWith("le") && !isVowel(w, n - 3);
            return consonantLe || vowelGroups(w) == 1 ? 0 : 1;
        }
        if (n > 3 && w.endsWith("ed") && !isVowel(w, n - 3) && "td".indexOf(w.charAt(n - 3)) < 0) {
            return 1; // walked, treated has its own syllable
        }
        if (n > 3 && w.endsWith("es") && !isVowel(w, n - 3) && !sibilantBefore(w, n - 2)) {
            boolean consonantLes = w.endsWith("les") && !isVowel(w, n - 4);
            return consonantLes ? 0 : 1;
        }
        return 0;
    }

    /** -es after s, x, z, ch, sh, ce or ge is said (boxes, places, changes). */
    private static boolean sibilantBefore(String w, int e) {
        char c = w.charAt(e - 1);
        return "sxzcg".indexOf(c) >= 0 || c == 'h' && e > 1 && "cs".indexOf(w.charAt(e - 2)) >= 0;
    }

    /** Vowel pairs said as two syllables; a palatal c, g, s, t or x before ia/io/ie keeps them one (social, nation). */
    private static int splitPairs(String w) {
        int extra = 0;
        for (int i = 1; i + 1 < w.length(); i++) {
            char a = w.charAt(i);
            char b = w.charAt(i + 1);
            char before = w.charAt(i - 1);
            boolean palatal = "cgstx".indexOf(before) >= 0;
            String after = w.substring(i + 2);
            if (a == 'i' && b == 'a' && !((palatal || before == 'l') && !after.startsWith("t"))
                    || a == 'i' && b == 'o' && !((palatal || before == 'l') && (after.startsWith("n") || after.startsWith("u")))
                    || a == 'i' && b == 'e' && (after.startsWith("n") && !palatal || after.startsWith("t")
                            || after.equals("r") || after.equals("st"))
                    || a == 'e' && b == 'o' && (before != 'g' || i == 1)
                    || a == 'o' && b == 'a' && before == 'e'
                    || a == 'u' && b == 'a' && "gq".indexOf(before) < 0
                    || a == 'i' && (b == 'u' || b == 'i')) {
                extra++;
            }
        }
        return extra;
    }
}
