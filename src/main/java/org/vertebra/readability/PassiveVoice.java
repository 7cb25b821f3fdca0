package org.vertebra.readability;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A heuristic for the passive voice: a form of "to be", then at most two adverbs ("is often
 * caused", "was not seen"), then a past participle: a regular -ed word or one of the common
 * irregular participles. It counts adjectives such as "is tired" as passive and misses
 * "get"-passives; style checkers use the same rule because it is right most of the time.
 */
final class PassiveVoice {

    private static final Set<String> TO_BE = Set.of("am", "is", "are", "was", "were", "be", "been", "being",
            "isn't", "aren't", "wasn't", "weren't");
    private static final Set<String> ADVERBS = Set.of("not", "also", "often", "usually", "always", "never",
            "sometimes", "still", "rarely", "commonly", "generally", "then", "now", "first", "only", "best",
            "well", "further", "just", "even", "seldom", "already");
    private static final Set<String> IRREGULAR = Set.of(
            "arisen", "beaten", "become", "begun", "bent", "bitten", "bled", "blown", "born", "borne", "bound",
            "broken", "brought", "built", "burnt", "bought", "cast", "caught", "chosen", "cut", "dealt", "done",
            "drawn", "driven", "eaten", "fallen", "fed", "felt", "fought", "found", "forbidden", "forgotten",
            "forgiven", "frozen", "given", "grown", "held", "hidden", "hit", "hung", "heard", "hurt", "kept",
            "known", "laid", "led", "left", "lent", "lit", "lost", "made", "meant", "met", "overcome", "paid",
            "proven", "put", "read", "ridden", "run", "said", "seen", "sent", "set", "sewn", "shaken", "shed",
            "shown", "shrunk", "shut", "slung", "sold", "sought", "spent", "split", "spoken", "spread", "stolen",
            "struck", "stuck", "sworn", "swept", "swollen", "taken", "taught", "thought", "thrown", "told",
            "torn", "undergone", "understood", "undertaken", "upheld", "withdrawn", "woken", "won", "worn",
            "written");
    /** Words ending in -ed that are not participles. */
    private static final Set<String> NOT_PARTICIPLES = Set.of("bed", "red", "shed", "wed", "need", "feed", "seed",
            "speed", "bleed", "breed", "indeed", "hundred", "sacred", "naked", "wicked", "embed");

    private PassiveVoice() {
    }

    static boolean isPassive(List<String> words) {
        for (int i = 0; i < words.size(); i++) {
            if (TO_BE.contains(lower(words.get(i))) && participleFollows(words, i + 1)) {
                return true;
            }
        }
        return false;
    }

    private static boolean participleFollows(List<String> words, int from) {
        for (int i = from; i < words.size() && i <= from + 2; i++) {
            String word = lower(words.get(i));
            if (isParticiple(word)) {
                return true;
            }
            if (!ADVERBS.contains(word) && !word.endsWith("ly")) {
                return false;
            }
        }
        return false;
    }

    private static boolean isParticiple(String word) {
        return IRREGULAR.contains(word)
                || word.length() > 3 && word.endsWith("ed") && !NOT_PARTICIPLES.contains(word);
    }

    private static String lower(String word) {
        return word.toLowerCase(Locale.ROOT).replace('’', '\'');
    }
}
