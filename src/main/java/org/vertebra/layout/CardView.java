package org.vertebra.layout;

/**
 * An article in a list: the sidebar, the home page, archives and "Related".
 *
 * @param dateText the date in English words; the card template writes {@code dateIso} in the page's language
 * @param excerpt  cut at a word boundary and ended with " [...]" when shortened
 * @param comments how many approved comments it has
 */
public record CardView(String url, String title, String excerpt, ImageView image, String dateText, String dateIso,
                       String authorName, String authorUrl, int comments) {
}
