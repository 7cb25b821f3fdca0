package org.vertebra.content;

import java.util.Optional;

/** Width and height of an image in pixels, so pages reserve its space before it loads. */
public record ImageSize(int width, int height) {

    /** Looks up the size of an image by the address it has in the body. */
    @FunctionalInterface
    public interface Lookup {
        Optional<ImageSize> sizeOf(String url);

        static Lookup none() {
            return url -> Optional.empty();
        }
    }
}
