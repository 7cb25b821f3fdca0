package org.vertebra.layout;

/** An image as a template shows it; width and height may be null when unknown. */
public record ImageView(String url, Integer width, Integer height, String alt) {
}
