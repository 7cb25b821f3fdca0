package org.vertebra.author;

/** A person who writes on the site; {@code photoId} points into the media library. */
public record Author(long id, String slug, String name, String credentials, String bio, Long photoId, String website) {

    public String url() {
        return "/author/" + slug + "/";
    }
}
