package org.vertebra.archive;

import java.util.List;
import org.vertebra.layout.CardView;
import org.vertebra.layout.Frame;
import org.vertebra.layout.AuthorView;

/**
 * A paged list of articles: the home page, and the category, tag and author archives.
 *
 * @param label   what kind of archive this is ("Category", "Tag", "Author"), null on the home page
 * @param intro   a category's description; may be null
 * @param author  on an author's page, their profile (photo, credentials, bio, links); otherwise null
 */
public record ArchivePage(Frame frame, String label, String heading, String intro, AuthorView author,
                          List<CardView> items, Pagination pagination) {

    /** Links to the neighbouring pages; null where there is none. */
    public record Pagination(int current, int total, String previousUrl, String nextUrl) {
        public boolean isNeeded() {
            return total > 1;
        }
    }
}
