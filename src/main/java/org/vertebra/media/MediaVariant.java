package org.vertebra.media;

/**
 * A smaller copy of a library image, made on upload for {@code srcset}; never larger than the
 * original, so a small original has fewer variants, or none.
 *
 * @param name  {@code thumbnail}, {@code medium} or {@code large}
 */
public record MediaVariant(String name, String path, String contentType, long byteSize, int width, int height) {

    /** The widths variants are made at, smallest first. */
    enum Size {
        THUMBNAIL("thumbnail", 150),
        MEDIUM("medium", 640),
        LARGE("large", 1280);

        final String label;
        final int width;

        Size(String label, int width) {
            this.label = label;
            this.width = width;
        }
    }

    public String url() {
        return "/media/" + path;
    }
}
