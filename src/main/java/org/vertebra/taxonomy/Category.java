package org.vertebra.taxonomy;

/** A subject area such as "Spine", shown in the category menu and at /category/{slug}/. */
public record Category(long id, String slug, String name, String description) {

    public String url() {
        return "/category/" + slug + "/";
    }
}
