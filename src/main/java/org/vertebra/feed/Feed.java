package org.vertebra.feed;

import java.time.Instant;
import java.util.List;

/**
 * A feed: the whole site's or one category's newest articles.
 *
 * @param pageUrl  the HTML page the feed follows
 * @param selfUrl  the feed's own address
 * @param language the BCP 47 tag of the language its articles are in
 */
record Feed(String title, String description, String pageUrl, String selfUrl, Instant updated, List<FeedEntry> entries,
            String language) {
}
