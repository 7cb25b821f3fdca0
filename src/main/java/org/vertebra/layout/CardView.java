package org.vertebra.layout;

/**
 * An article in a list: the sidebar, the home page, archives and "Related".
 *
 * @param excerpt  cut at a word boundary and ended with " [...]" when shortened
 */
public record CardView(String url, String title, String excerpt, ImageView image, String dateText, String dateIso,
                       String authorName, String authorUrl) {
}
