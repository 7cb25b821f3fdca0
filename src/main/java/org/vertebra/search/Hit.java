package org.vertebra.search;

import java.time.Instant;

/** One article found by a search, with a snippet of its body around the words that matched. */
record Hit(long id, String slug, String title, String summary, Snippet snippet, Instant publishedAt) {
}
