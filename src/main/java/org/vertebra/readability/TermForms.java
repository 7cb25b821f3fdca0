package org.vertebra.readability;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The written forms of a glossary term that the jargon finder looks for, by the term's language:
 * English adds its simple plurals; Spanish its plurals (tendón, tendones; hernia discal, hernias
 * discales; cicatriz, cicatrices; artrosis stays artrosis) and the feminine of an adjective in -o
 * (crónico, crónica); a site's glossary in another language is matched as written and with -s.
 */
enum TermForms {
    ENGLISH, SPANISH, AS_WRITTEN;

    /** Words that stay as they are in a Spanish plural ("síndromes del túnel"). */
    private static final Set<String> SPANISH_FUNCTION_WORDS = Set.of("de", "del", "la", "las", "el", "los", "y", "en", "a", "con");

    static TermForms of(TextLanguage language) {
        return switch (language) {
            case ENGLISH -> ENGLISH;
            case SPANISH -> SPANISH;
            default -> AS_WRITTEN;
        };
    }

    List<String> of(String term) {
        return switch (this) {
            case ENGLISH -> english(term);
            case SPANISH -> spanish(term);
            case AS_WRITTEN -> List.of(term, term + "s");
        };
    }

    private static List<String> english(String term) {
        List<String> forms = new ArrayList<>(List.of(term, term + "s", term + "es"));
        if (term.endsWith("y") && term.length() > 2) {
            forms.add(term.substring(0, term.length() - 1) + "ies");
        }
        if (term.endsWith("is") && term.length() > 3) {
            forms.add(term.substring(0, term.length() - 2) + "es"); // diagnosis, diagnoses
        }
        return forms;
    }

    private static List<String> spanish(String term) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(term);
        String[] words = term.split(" ");
        if (words.length == 1 && term.endsWith("o")) {
            String feminine = term.substring(0, term.length() - 1) + "a";
            forms.add(feminine);
            forms.add(feminine + "s");
        }
        StringBuilder plural = new StringBuilder();
        for (String word : words) {
            plural.append(plural.length() == 0 ? "" : " ")
                    .append(SPANISH_FUNCTION_WORDS.contains(word) ? word : spanishPlural(word));
        }
        forms.add(plural.toString());
        return List.copyOf(forms);
    }

    /** The plural of one Spanish word by the RAE's rules for common nouns and adjectives. */
    static String spanishPlural(String word) {
        char last = word.charAt(word.length() - 1);
        if ("aeiouáéó".indexOf(last) >= 0) {
            return word + "s";
        }
        if (last == 'í' || last == 'ú') {
            return word + "es";
        }
        if (last == 'z') {
            return word.substring(0, word.length() - 1) + "ces";
        }
        boolean stressedLast = word.matches(".*[áéíóú][^aeiouáéíóú]*[ns]$");
        if ((last == 's' || last == 'x') && !stressedLast) {
            return word; // la artrosis, las artrosis; el tórax, los tórax
        }
        return (stressedLast ? withoutLastAccent(word) : word) + "es"; // tendón, tendones; dolor, dolores
    }

    private static String withoutLastAccent(String word) {
        for (int i = word.length() - 1; i >= 0; i--) {
            int accented = "áéíóú".indexOf(word.charAt(i));
            if (accented >= 0) {
                return word.substring(0, i) + "aeiou".charAt(accented) + word.substring(i + 1);
            }
        }
        return word;
    }
}
