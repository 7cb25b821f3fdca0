package org.vertebra.wordpress;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/** What {@link MarkdownWriter} reads from WordPress's gallery, audio and video HTML (the player it writes is {@link org.vertebra.content.PlayerHtml}). */
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
}
