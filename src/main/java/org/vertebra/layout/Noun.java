package org.vertebra.layout;

/**
 * A word that agrees with a count, in English: "1 subscriber", "2 subscribers", "0 subscribers".
 * The one place a message picks the singular or the plural, so that none says "1 subscribers" or
 * "subscriber(s)". Verbs agree the same way: {@code new Noun("is", "are").of(n)}.
 */
public record Noun(String singular, String plural) {

    public static final Noun IS = new Noun("is", "are");
    public static final Noun HAS = new Noun("has", "have");

    /** The count and the word: "1 subscriber", "2 subscribers". */
    public String count(long n) {
        return n + " " + of(n);
    }

    /** The word alone, as the count asks. */
    public String of(long n) {
        return n == 1 ? singular : plural;
    }
}
