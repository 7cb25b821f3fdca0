package org.vertebra.taxonomy;

/** A keyword such as "heel pain", at /tag/{slug}/. */
public record Tag(long id, String slug, String name) {

    public String url() {
        return "/tag/" + slug + "/";
    }
}
