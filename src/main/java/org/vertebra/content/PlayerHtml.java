package org.vertebra.content;

import java.util.List;
import org.jsoup.nodes.Entities;

/**
 * The native audio or video player that an article body holds for files of the media library, as
 * {@link BodySafelist} keeps it (see docs/galleries-and-players.md). Written here once, for the
 * WordPress import and for the media library's "paste this" snippet and picker.
 */
public final class PlayerHtml {

    private PlayerHtml() {
    }

    /**
     * The player in a figure with its caption (none when blank), as one Markdown HTML block: a
     * bare {@code <audio>} line would be read as a paragraph.
     *
     * @param kind     {@code audio} or {@code video}
     * @param sources  the files' addresses under /media/, at least one
     * @param poster   a video's still under /media/, or null
     */
    public static String figure(String kind, List<String> sources, String poster, String caption) {
        return "<figure>\n" + player(kind, sources, poster)
                + (caption == null || caption.isBlank() ? "" : "\n<figcaption>" + Entities.escape(caption) + "</figcaption>")
                + "\n</figure>";
    }

    /**
     * A native player with controls: one file in {@code src}, several as {@code <source>}s (the
     * browser plays the first it can); inside, a link to the first file for a browser without a player.
     */
    static String player(String kind, List<String> sources, String poster) {
        if (!kind.equals("audio") && !kind.equals("video")) {
            throw new IllegalArgumentException("not a player: " + kind);
        }
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
