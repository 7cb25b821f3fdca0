package org.vertebra.article;

import java.time.Instant;

/** An earlier text of an article, kept when a save replaced it. */
public record Revision(long id, String title, String summary, String bodyMarkdown, Instant createdAt) {
}
