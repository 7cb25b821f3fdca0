package org.vertebra.content;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.vertebra.language.Messages;

/**
 * A paragraph that is only a YouTube or Vimeo address (or one link to one) becomes an inert video
 * placeholder: a title, the provider, a plain link to the video and a "Load video" button. Nothing
 * in it touches the video's host; the consent script (static/js/consent.js) puts the player in
 * (youtube-nocookie.com, player.vimeo.com) once the visitor accepts Marketing. Runs after the
 * sanitizer, which would remove the placeholder's attributes. The placeholder's words are in the
 * article's language, as it is stored in the body once, at save time; consent.js adds no words.
 */
final class VideoEmbeds {

    static final String CATEGORY = "marketing";

    private static final Pattern YOUTUBE = Pattern.compile("https://(?:www\\.)?youtube\\.com/watch\\?v=([A-Za-z0-9_-]{11})(?:&\\S*)?");
    private static final Pattern YOUTU_BE = Pattern.compile("https://youtu\\.be/([A-Za-z0-9_-]{11})(?:\\?\\S*)?");
    private static final Pattern VIMEO = Pattern.compile("https://(?:www\\.)?vimeo\\.com/(\\d{1,12})/?");

    /** A video found in a paragraph: who hosts it, where its player is, and where a reader may watch it instead. */
    record Video(String provider, String playerUrl, String watchUrl) {

        static Optional<Video> of(String url) {
            Matcher m = YOUTUBE.matcher(url);
            if (m.matches() || (m = YOUTU_BE.matcher(url)).matches()) {
                return Optional.of(new Video("YouTube", "https://www.youtube-nocookie.com/embed/" + m.group(1),
                        "https://www.youtube.com/watch?v=" + m.group(1)));
            }
            m = VIMEO.matcher(url);
            if (m.matches()) {
                return Optional.of(new Video("Vimeo", "https://player.vimeo.com/video/" + m.group(1), "https://vimeo.com/" + m.group(1)));
            }
            return Optional.empty();
        }
    }

    private VideoEmbeds() {
    }

    /** @param text the article's language: the placeholder's words are stored in the body, in its language */
    static String replace(String html, Messages text) {
        if (!html.contains("youtube.com/") && !html.contains("youtu.be/") && !html.contains("vimeo.com/")) {
            return html; // most articles: no parsing at all
        }
        Document document = Jsoup.parseBodyFragment(html);
        document.outputSettings().prettyPrint(false);
        boolean changed = false;
        for (Element paragraph : document.body().select("p")) {
            Optional<Placeholder> found = placeholder(paragraph, text);
            if (found.isPresent()) {
                paragraph.replaceWith(found.get().element());
                changed = true;
            }
        }
        return changed ? document.body().html() : html;
    }

    private record Placeholder(Element element) {
    }

    private static Optional<Placeholder> placeholder(Element paragraph, Messages text) {
        List<Node> nodes = paragraph.childNodes().stream()
                .filter(n -> !(n instanceof TextNode t && t.isBlank())).toList();
        if (nodes.size() != 1) {
            return Optional.empty();
        }
        String url;
        String title = null;
        if (nodes.get(0) instanceof TextNode alone) {
            url = alone.text().strip();
        } else if (nodes.get(0) instanceof Element link && link.tagName().equals("a") && link.children().isEmpty()) {
            url = link.attr("href").strip();
            String words = link.text().strip();
            title = words.isEmpty() || words.equals(url) ? null : words;
        } else {
            return Optional.empty();
        }
        String named = title;
        return Video.of(url).map(video -> new Placeholder(element(video,
                named == null ? text.format("video.title", video.provider()) : named, text)));
    }

    private static Element element(Video video, String title, Messages text) {
        Element figure = new Element("figure").addClass("embed")
                .attr("data-category", CATEGORY)
                .attr("data-embed-src", video.playerUrl())
                .attr("data-embed-title", title)
                .attr("data-provider", video.provider());
        Element stage = figure.appendElement("div").addClass("embed-stage");
        stage.appendElement("p").addClass("embed-title").text(title);
        stage.appendElement("p").addClass("embed-note").text(text.format("video.note", video.provider()));
        stage.appendElement("button").attr("type", "button").addClass("embed-load").attr("hidden", true)
                .text(text.format("video.load", video.provider()));
        stage.appendElement("p").addClass("embed-signal").attr("hidden", true).text(text.get("video.signal"));
        figure.appendElement("figcaption").appendElement("a").attr("href", video.watchUrl())
                .text(text.format("video.watch", title, video.provider()));
        return figure;
    }
}
