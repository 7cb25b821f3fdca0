package org.vertebra.layout;

/** Shortens text for lists at a word boundary, the way readers of WordPress sites know it: "... [...]". */
public final class Excerpts {

    private Excerpts() {
    }

    public static String cut(String text, int maxChars) {
        if (text == null) {
            return "";
        }
        String clean = text.replaceAll("\\s+", " ").strip();
        if (clean.length() <= maxChars) {
            return clean;
        }
        int end = clean.lastIndexOf(' ', maxChars);
        if (end < maxChars / 2) {
            end = maxChars;
        }
        String cut = clean.substring(0, end).replaceAll("[\\s,;:.\\-]+$", "");
        return cut + " [...]";
    }
}
