package org.vertebra.article;

import java.time.Instant;

/**
 * An earlier text of an article, kept when a save replaced it.
 *
 * @param createdAt when this text was saved
 * @param savedBy   who saved it (a name, or "import"); null for revisions older than that record
 */
public record Revision(long id, String title, String summary, String bodyMarkdown, Instant createdAt, String savedBy) {
}
