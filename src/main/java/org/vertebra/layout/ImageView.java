package org.vertebra.layout;

/**
 * An image as a template shows it; width and height may be null when unknown.
 *
 * @param srcset  the image at several widths ({@code "/media/a-150w.png 150w, ..."}), or null to
 *                offer only {@link #url()}; the template that places the image gives its {@code sizes}
 */
public record ImageView(String url, Integer width, Integer height, String alt, String srcset) {

    public ImageView(String url, Integer width, Integer height, String alt) {
        this(url, width, height, alt, null);
    }
}
