package org.vertebra.content;

import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Safelist;

/**
 * What an article body may keep of its HTML: jsoup's relaxed list (text, links, images, tables),
 * figures, and exactly what galleries and players need (see docs/galleries-and-players.md): the
 * classes {@code gallery} and {@code gallery-columns-N} on a figure, and {@code <audio>},
 * {@code <video>} and {@code <source>} whose files are in the media library, always with
 * controls. No other class, no style, no player that loads from another host or plays unseen.
 */
final class BodySafelist extends Safelist {

    private static final Pattern GALLERY_CLASS = Pattern.compile("gallery(?: gallery-columns-[1-8])?");
    private static final Pattern MEDIA_FILE = Pattern.compile("/media/(?:[A-Za-z0-9_-][A-Za-z0-9._-]*/)*[A-Za-z0-9_-][A-Za-z0-9._-]*");
    private static final Set<String> PRELOAD = Set.of("none", "metadata");
    private static final Set<String> PLAYERS = Set.of("audio", "video", "source");

    BodySafelist() {
        super(Safelist.relaxed());
        addTags("figure", "figcaption", "abbr", "mark", "hr", "del", "ins", "small", "audio", "video", "source");
        addAttributes(":all", "id", "title");
        addAttributes("img", "loading", "decoding", "width", "height");
        addAttributes("th", "align", "scope");
        addAttributes("td", "align");
        addAttributes("abbr", "title");
        addAttributes("figure", "class");
        addAttributes("audio", "src", "preload");
        addAttributes("video", "src", "preload", "poster");
        addAttributes("source", "src");
        addEnforcedAttribute("audio", "controls", "controls");
        addEnforcedAttribute("video", "controls", "controls");
        addProtocols("a", "href", "http", "https", "mailto", "tel", "#");
        addProtocols("img", "src", "http", "https");
        preserveRelativeLinks(true);
    }

    @Override
    public boolean isSafeAttribute(String tagName, Element element, Attribute attribute) {
        String key = attribute.getKey();
        if (tagName.equals("figure") && key.equals("class")) {
            return GALLERY_CLASS.matcher(attribute.getValue()).matches();
        }
        if (PLAYERS.contains(tagName) && (key.equals("src") || key.equals("poster"))) {
            String value = attribute.getValue();
            return MEDIA_FILE.matcher(value).matches() && !value.contains("..");
        }
        if (PLAYERS.contains(tagName) && key.equals("preload")) {
            return PRELOAD.contains(attribute.getValue());
        }
        return super.isSafeAttribute(tagName, element, attribute);
    }
}
