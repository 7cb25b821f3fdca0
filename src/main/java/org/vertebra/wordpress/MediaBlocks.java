package org.vertebra.wordpress;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;

/** What {@link MarkdownWriter} reads from WordPress's gallery, audio and video HTML, and the player HTML it writes. */
final class MediaBlocks {

    /** The most columns a gallery keeps; the renderer's policy allows {@code gallery-columns-1} to this. */
    static final int MAX_COLUMNS = 8;
    private static final Pattern COLUMNS = Pattern.compile("(?:^|\\s)columns-(\\d{1,2})(?:\\s|$)");

    private MediaBlocks() {
    }

    /** A gallery's columns: its {@code columns-N} class, else WordPress's default, three (fewer for fewer images). */
    static int columns(Element gallery) {
        Matcher m = COLUMNS.matcher(gallery.className());
        int columns = m.find() ? Integer.parseInt(m.group(1)) : Math.min(MediaShortcodes.DEFAULT_COLUMNS, gallery.select("img").size());
        return Math.max(1, Math.min(MAX_COLUMNS, columns));
    }

    /** The files of an {@code <audio>} or {@code <video>}: its {@code src}, then its {@code <source>}s, each once. */
    static List<String> sourcesOf(Element media) {
        LinkedHashSet<String> sources = new LinkedHashSet<>();
        if (!media.attr("src").isBlank()) {
            sources.add(media.attr("src").strip());
        }
        media.select("source[src]").forEach(s -> sources.add(s.attr("src").strip()));
        sources.removeIf(String::isEmpty);
        return new ArrayList<>(sources);
    }

    /**
     * A native player with controls for files of the media library: one file in {@code src}, several
     * as {@code <source>}s (the browser plays the first it can); inside, a link to the first file for
     * a browser without a player.
     */
    static String playerHtml(String kind, List<String> sources, String poster) {
        StringBuilder html = new StringBuilder("<").append(kind).append(" controls preload=\"metadata\"");
        if (poster != null) {
            html.append(" poster=\"").append(Entities.escape(poster)).append('"');
        }
        if (sources.size() == 1) {
            html.append(" src=\"").append(Entities.escape(sources.get(0))).append("\">");
        } else {
            html.append('>');
            sources.forEach(src -> html.append("<source src=\"").append(Entities.escape(src)).append("\">"));
        }
        String first = sources.get(0);
        return html.append("<a href=\"").append(Entities.escape(first)).append("\">")
                .append(Entities.escape(first.substring(first.lastIndexOf('/') + 1))).append("</a></").append(kind).append('>')
                .toString();
    }
}
