package org.vertebra.wordpress;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WordPress publishes posts without a title (the address is then the post's id); Vertebra needs
 * one for the page's heading, lists and feeds. Such a post is titled by its first words, or
 * "Untitled" and its date when it has no words, and keeps its slug and every old address.
 */
final class UntitledPosts {

    private static final int MAX_WORDS = 8;
    private static final Pattern FIRST_SENTENCE = Pattern.compile("^(.{3,}?)[.!?](\\s|$)");
    private static final int MAX_LENGTH = 70;

    private UntitledPosts() {
    }

    static String titleOf(WxrItem item) {
        if (!item.title().isBlank()) {
            return item.title();
        }
        String words = firstWords(HtmlText.of(item.content().replaceAll("\\[/?[a-zA-Z][^\\]]*\\]", " ")));
        return words.isEmpty() ? "Untitled" + date(item.postDate()) : words;
    }

    /** Its first sentence when that is short enough, else its first words. */
    private static String firstWords(String text) {
        Matcher sentence = FIRST_SENTENCE.matcher(text.strip());
        if (sentence.find() && sentence.group(1).length() <= MAX_LENGTH) {
            return sentence.group(1);
        }
        String[] words = text.strip().split("\\s+");
        StringBuilder title = new StringBuilder();
        for (int i = 0; i < words.length && i < MAX_WORDS && !words[i].isEmpty(); i++) {
            if (title.length() + words[i].length() + 1 > MAX_LENGTH) {
                break;
            }
            title.append(title.length() == 0 ? "" : " ").append(words[i]);
        }
        String cut = title.toString().replaceAll("[\\s,;:.!?]+$", "");
        return cut.length() < text.strip().length() && !cut.isEmpty() ? cut + "…" : cut;
    }

    private static String date(String postDate) {
        try {
            LocalDate day = LocalDate.parse(postDate.strip().substring(0, 10));
            return " (" + day.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)) + ")";
        } catch (DateTimeParseException | IndexOutOfBoundsException e) {
            return "";
        }
    }
}
