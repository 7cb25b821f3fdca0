package org.vertebra.media;

import java.util.List;

/** A deletion refused because the image is still shown somewhere, and the editor has not confirmed it. */
final class MediaInUse extends RuntimeException {

    private final transient List<MediaUse> uses;

    public MediaInUse(List<MediaUse> uses) {
        super("the image is used in " + new org.vertebra.layout.Noun("place", "places").count(uses.size()));
        this.uses = List.copyOf(uses);
    }

    public List<MediaUse> uses() {
        return uses;
    }
}
