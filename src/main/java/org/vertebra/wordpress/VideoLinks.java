package org.vertebra.wordpress;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * YouTube and Vimeo addresses in their one canonical form. An embedded video becomes a paragraph
 * holding only this address, which the renderer turns into a consent-gated placeholder (the
 * contract with the consent gate): nothing loads from those hosts until a reader agrees.
 */
final class VideoLinks {

    private static final Pattern YOUTUBE = Pattern.compile(
            "(?i)^https?://(?:www\\.|m\\.)?(?:youtube\\.com/(?:watch\\?(?:.*&)?v=|embed/|shorts/)|youtube-nocookie\\.com/embed/|youtu\\.be/)"
                    + "([A-Za-z0-9_-]{6,20})(?:[?&#].*)?$");
    private static final Pattern VIMEO = Pattern.compile(
            "(?i)^https?://(?:www\\.|player\\.)?vimeo\\.com/(?:video/)?(\\d{3,12})(?:[/?#].*)?$");

    private VideoLinks() {
    }

    /** The canonical address of the video at this address, when it is a YouTube or Vimeo video. */
    static Optional<String> canonical(String address) {
        String url = address.strip().replace("&amp;", "&");
        Matcher youtube = YOUTUBE.matcher(url);
        if (youtube.matches()) {
            return Optional.of("https://www.youtube.com/watch?v=" + youtube.group(1));
        }
        Matcher vimeo = VIMEO.matcher(url);
        if (vimeo.matches()) {
            return Optional.of("https://vimeo.com/" + vimeo.group(1));
        }
        return Optional.empty();
    }
}
