package org.vertebra.feed;

import java.time.Instant;
import java.util.List;

/** One article as a feed carries it; every address is absolute, as feed readers need. */
record FeedEntry(String url, String title, String summary, String contentHtml, String author, List<String> categories,
                 Instant published, Instant updated) {
}
