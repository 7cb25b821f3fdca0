package org.vertebra.content;

import java.util.List;

/**
 * An article body turned into HTML, with what was taken out of it on the way.
 *
 * @param html        sanitized HTML of the body, without its references section
 * @param toc         the h2 and h3 headings, nested, with the ids the HTML gives them
 * @param references  the list items of the last section headed "References" or "Sources"
 * @param plainText   the body's words, for excerpts and search
 */
public record RenderedBody(String html, List<TocEntry> toc, List<Reference> references, String plainText) {
}
