package org.vertebra.wordpress;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Entities;

/**
 * WordPress's media shortcodes as the HTML the block editor writes for the same thing, so that
 * {@link MarkdownWriter} has one form of each to read: {@code [gallery]} as a gallery block of the
 * post's imported images, {@code [audio]} and {@code [video]} as players with their files.
 */
final class MediaShortcodes {

    /** The attachments a gallery can show. */
    interface Images {
        Optional<ImportRun.Picture> byId(long attachmentId);

        /** The images attached to a post, by its WordPress id; 0 for the post being converted. */
        List<ImportRun.Picture> attachedTo(long postId);

        Images NONE = new Images() {
            @Override
            public Optional<ImportRun.Picture> byId(long attachmentId) {
                return Optional.empty();
            }

            @Override
            public List<ImportRun.Picture> attachedTo(long postId) {
                return List.of();
            }
        };
    }

    private static final Pattern GALLERY = Pattern.compile("(?is)\\[gallery(\\s[^\\]]*)?\\]");
    /** [audio ...] or [video ...], with or without the closing tag WordPress's media button adds. */
    private static final Pattern PLAYER = Pattern.compile("(?is)\\[(audio|video)(\\s[^\\]]*)?\\](?:\\s*\\[/\\1\\])?");
    private static final Pattern ATTRIBUTE = Pattern.compile("([\\w-]+)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"']+))");
    private static final List<String> AUDIO_SOURCES = List.of("src", "mp3", "m4a", "ogg", "oga", "wav", "wma", "flac");
    private static final List<String> VIDEO_SOURCES = List.of("src", "mp4", "m4v", "webm", "ogv", "wmv", "flv", "mov");
    static final int DEFAULT_COLUMNS = 3;

    private MediaShortcodes() {
    }

    static String toHtml(String text, Images images) {
        String withGalleries = GALLERY.matcher(text).replaceAll(m -> Matcher.quoteReplacement(
                "\n\n" + gallery(attributes(m.group(1)), images) + "\n\n"));
        return PLAYER.matcher(withGalleries).replaceAll(m -> Matcher.quoteReplacement(
                "\n\n" + player(m.group(1).toLowerCase(Locale.ROOT), attributes(m.group(2))) + "\n\n"));
    }

    /** {@code [gallery ids="12,13"]} (or {@code include=}, or none: the post's images; {@code id=}: another post's). */
    private static String gallery(Map<String, String> attributes, Images images) {
        String listed = attributes.getOrDefault("ids", attributes.getOrDefault("include", "")).strip();
        List<ImportRun.Picture> shown = new ArrayList<>();
        if (!listed.isEmpty()) {
            for (String id : listed.split("\\s*,\\s*")) {
                images.byId(WxrReader.number(id)).ifPresent(shown::add);
            }
        } else {
            List<ImportRun.Picture> excluded = List.of(attributes.getOrDefault("exclude", "").split("\\s*,\\s*")).stream()
                    .map(id -> images.byId(WxrReader.number(id))).flatMap(Optional::stream).toList();
            images.attachedTo(WxrReader.number(attributes.get("id"))).stream()
                    .filter(p -> !excluded.contains(p)).forEach(shown::add);
        }
        long columns = attributes.containsKey("columns") ? WxrReader.number(attributes.get("columns")) : DEFAULT_COLUMNS;
        StringBuilder html = new StringBuilder("<figure class=\"wp-block-gallery columns-" + columns + "\">");
        for (ImportRun.Picture picture : shown) {
            if (!picture.image()) {
                continue;
            }
            html.append("<figure class=\"wp-block-image\"><img src=\"").append(Entities.escape(picture.url()))
                    .append("\" alt=\"").append(Entities.escape(picture.alt())).append("\">");
            if (!picture.caption().isBlank()) {
                html.append("<figcaption>").append(picture.caption()).append("</figcaption>");
            }
            html.append("</figure>");
        }
        return html.append("</figure>").toString();
    }

    /** {@code [audio mp3="..."]} or {@code [video src="..." poster="..."]} as an {@code <audio>} or {@code <video>} with its sources. */
    private static String player(String kind, Map<String, String> attributes) {
        StringBuilder html = new StringBuilder("<").append(kind).append(" controls");
        String poster = attributes.getOrDefault("poster", "");
        if (kind.equals("video") && !poster.isBlank()) {
            html.append(" poster=\"").append(Entities.escape(poster)).append('"');
        }
        html.append('>');
        for (String name : kind.equals("audio") ? AUDIO_SOURCES : VIDEO_SOURCES) {
            String src = attributes.getOrDefault(name, "").strip();
            if (!src.isEmpty()) {
                html.append("<source src=\"").append(Entities.escape(src)).append("\">");
            }
        }
        return html.append("</").append(kind).append('>').toString();
    }

    /** A shortcode's attributes by name, in lower case; values unquoted. */
    private static Map<String, String> attributes(String text) {
        Map<String, String> found = new LinkedHashMap<>();
        if (text == null) {
            return found;
        }
        Matcher m = ATTRIBUTE.matcher(text);
        while (m.find()) {
            String value = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
            found.putIfAbsent(m.group(1).toLowerCase(Locale.ROOT), value.replace("&quot;", "\"").replace("&amp;", "&"));
        }
        return found;
    }
}
