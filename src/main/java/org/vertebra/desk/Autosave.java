package org.vertebra.desk;

import java.time.Instant;
import java.util.Map;

/**
 * What one writer typed in the editor of an article and has not saved: the form's fields by name,
 * as the editor's script restores them, and when they were kept.
 */
public record Autosave(long articleId, long userId, Instant savedAt, Map<String, String> fields) {

    /** The editor's fields an autosave keeps; anything else sent is left out. */
    public static final java.util.List<String> FIELDS = java.util.List.of("title", "slug", "summary", "markdown",
            "categories", "tags", "authorId", "imageId", "disclosure", "publishAt");

    public Autosave {
        fields = Map.copyOf(fields);
    }
}
