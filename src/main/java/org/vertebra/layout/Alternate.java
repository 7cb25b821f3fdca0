package org.vertebra.layout;

/** A {@code <link rel="alternate" hreflang>} in a page's head: the same page in another language. */
public record Alternate(String hreflang, String href) {
}
