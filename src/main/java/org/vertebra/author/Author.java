package org.vertebra.author;

import java.util.List;

/**
 * A person who writes on the site; {@code photoId} points into the media library, {@code bio} is
 * plain text or a small Markdown subset, and {@code links} are https profile addresses besides the
 * website.
 */
public record Author(long id, String slug, String name, String credentials, String bio, Long photoId, String website,
                     List<String> links) {

    public Author {
        links = links == null ? List.of() : List.copyOf(links);
    }

    public String url() {
        return "/author/" + slug + "/";
    }
}
