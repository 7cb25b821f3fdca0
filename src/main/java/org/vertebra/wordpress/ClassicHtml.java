package org.vertebra.wordpress;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Classic-editor content as WordPress shows it: its [caption] and [embed] shortcodes as HTML, and
 * its automatic paragraphs (a port of the core of wpautop: blank lines part paragraphs, a single
 * line break is a {@code <br>}, block elements stand on their own).
 */
final class ClassicHtml {

    private static final String BLOCKS = "(?:table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre"
            + "|form|map|area|blockquote|address|math|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|hgroup"
            + "|header|footer|nav|figure|figcaption|details|menu|summary|iframe|script|audio|video)";
    private static final Pattern BLOCK_OPEN = Pattern.compile("(?i)(<" + BLOCKS + "[\\s/>])");
    private static final Pattern BLOCK_CLOSE = Pattern.compile("(?i)(</" + BLOCKS + ">)");
    private static final Pattern STARTS_WITH_BLOCK = Pattern.compile("(?is)^</?" + BLOCKS + "[\\s/>].*");
    private static final Pattern CAPTION = Pattern.compile("(?is)\\[(?:wp_)?caption([^\\]]*)\\](.*?)\\[/(?:wp_)?caption\\]");
    private static final Pattern CAPTION_ATTRIBUTE = Pattern.compile("(?is)caption=\"([^\"]*)\"");
    private static final Pattern EMBED = Pattern.compile("(?is)\\[embed[^\\]]*\\]\\s*(\\S+?)\\s*\\[/embed\\]");
    private static final Pattern LAST_MEDIA = Pattern.compile("(?is)^(.*(?:<img[^>]*>|</a>))(.*)$");

    private ClassicHtml() {
    }

    static String toHtml(String content) {
        String text = content.replace("\r\n", "\n").replace('\r', '\n');
        text = EMBED.matcher(text).replaceAll(m -> Matcher.quoteReplacement("\n\n" + m.group(1) + "\n\n"));
        text = CAPTION.matcher(text).replaceAll(m -> Matcher.quoteReplacement(figure(m.group(1), m.group(2))));
        return autop(text);
    }

    /** [caption]<img ...> Caption text[/caption] as a figure; older posts give the caption as an attribute. */
    private static String figure(String attributes, String inner) {
        Matcher split = LAST_MEDIA.matcher(inner.strip());
        String media = split.matches() ? split.group(1) : inner;
        String caption = split.matches() ? split.group(2).strip() : "";
        Matcher attribute = CAPTION_ATTRIBUTE.matcher(attributes);
        if (caption.isEmpty() && attribute.find()) {
            caption = attribute.group(1);
        }
        return "\n\n<figure>" + media + (caption.isEmpty() ? "" : "<figcaption>" + caption + "</figcaption>") + "</figure>\n\n";
    }

    private static String autop(String text) {
        String spaced = BLOCK_OPEN.matcher(text).replaceAll("\n\n$1");
        spaced = BLOCK_CLOSE.matcher(spaced).replaceAll("$1\n\n");
        StringBuilder html = new StringBuilder();
        for (String chunk : spaced.split("\\n\\s*\\n")) {
            String trimmed = chunk.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (STARTS_WITH_BLOCK.matcher(trimmed).matches()) {
                html.append(trimmed).append('\n');
            } else {
                html.append("<p>").append(trimmed.replaceAll("\\s*\\n\\s*", "<br>\n")).append("</p>\n");
            }
        }
        return html.toString();
    }
}
