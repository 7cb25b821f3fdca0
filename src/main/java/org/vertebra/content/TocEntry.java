package org.vertebra.content;

import java.util.List;

/** One heading in an article's table of contents; h3 entries nest under the h2 before them. */
public record TocEntry(String id, String text, List<TocEntry> children) {
}
