package org.vertebra.search;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.vertebra.language.Language;

/**
 * What the search index holds of one published article. Drafts are never given to the index, so
 * nothing here needs a status.
 *
 * @param headings    the article's section headings, which rank between the title and the body
 * @param body        the body as plain text (no HTML or Markdown), for matching and snippets
 * @param publishedAt when it was published; may be null for an article imported without a date
 * @param lang        the language it is written in, whose analysis and fields it is indexed with
 */
public record IndexedArticle(
        long id,
        String slug,
        String title,
        List<String> headings,
        String body,
        String summary,
        List<String> tags,
        List<String> categories,
        Instant publishedAt,
        Language lang) {

    /** An article in English. */
    public IndexedArticle(long id, String slug, String title, List<String> headings, String body, String summary,
            List<String> tags, List<String> categories, Instant publishedAt) {
        this(id, slug, title, headings, body, summary, tags, categories, publishedAt, Language.ENGLISH);
    }

    public IndexedArticle {
        lang = lang == null ? Language.ENGLISH : lang;
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(title, "title");
        headings = present(headings);
        body = body == null ? "" : body;
        summary = summary == null ? "" : summary;
        tags = present(tags);
        categories = present(categories);
    }

    private static List<String> present(List<String> values) {
        return values == null ? List.of() : values.stream().filter(Objects::nonNull).toList();
    }
}
