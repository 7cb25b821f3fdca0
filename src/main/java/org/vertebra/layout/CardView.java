package org.vertebra.layout;

/**
 * An article in a list: the sidebar, the home page, archives and "Related".
 *
 * @param excerpt  cut at a word boundary and ended with " [...]" when shortened
 * @param comments how many approved comments it has
 */
public record CardView(String url, String title, String excerpt, ImageView image, String dateText, String dateIso,
                       String authorName, String authorUrl, int comments) {

    /** "1 comment", "3 comments"; null when there is none. */
    public String commentsText() {
        return comments == 0 ? null : comments == 1 ? "1 comment" : comments + " comments";
    }
}
