package org.vertebra.wordpress;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Block-editor content: the HTML between its {@code <!-- wp:name {attributes} -->} markers is what
 * WordPress saved, so the markers go, except an embed block, whose address (in its attributes)
 * becomes a paragraph of its own.
 */
final class BlockHtml {

    private static final Pattern EMBED = Pattern.compile(
            "(?s)<!--\\s*wp:(?:core-)?embed(?:/[\\w-]+)?\\s+(\\{.*?\\})\\s*/?-->(.*?)<!--\\s*/wp:(?:core-)?embed(?:/[\\w-]+)?\\s*-->");
    private static final Pattern URL_ATTRIBUTE = Pattern.compile("\"url\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern MARKER = Pattern.compile("(?s)<!--\\s*/?wp:[^>]*?-->");

    private BlockHtml() {
    }

    static boolean isBlockContent(String content) {
        return content.contains("<!-- wp:");
    }

    static String toHtml(String content) {
        String text = EMBED.matcher(content).replaceAll(m -> {
            Matcher url = URL_ATTRIBUTE.matcher(m.group(1));
            String address = url.find() ? url.group(1).replace("\\/", "/") : m.group(2).replaceAll("<[^>]*>", "").strip();
            return Matcher.quoteReplacement("<p>" + address + "</p>");
        });
        return MARKER.matcher(text).replaceAll("");
    }
}
