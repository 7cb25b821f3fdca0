package org.vertebra.article;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.vertebra.content.Reference;
import org.vertebra.taxonomy.Category;
import org.vertebra.taxonomy.Tag;

/**
 * The query side of the article page: the lists around an article (its categories, tags,
 * translation group and search appearance) in one statement, so that a page the cache does not
 * hold costs a few statements rather than one per part.
 */
final class ArticleReadRepository {

    /*
     * One UNION ALL whose branches share the columns of a translation (categories and tags use
     * id, slug and title; the search appearance title and description; a reference its text as
     * title, and doi, pmid and url); "part" says which list a
     * row belongs to, and "pos" and "ord" keep each list in the order its own query gave it. The
     * translations come first: PostgreSQL types a UNION's columns from its branches left to right,
     * and theirs are the ones with a type in every column.
     */
    private static final String PARTS = """
            SELECT 'translation' AS part, 0 AS pos, t.id, t.kind, t.slug, t.title, NULL AS description, t.lang,
                   t.translation_of, t.status, t.published_at, t.updated_at, t.reviewed_on, t.lang AS ord,
                   NULL AS doi, NULL AS pmid, NULL AS url
            FROM articles a JOIN articles t ON t.id = COALESCE(a.translation_of, a.id)
                                            OR t.translation_of = COALESCE(a.translation_of, a.id)
            WHERE a.id = :id AND t.deleted_at IS NULL
            UNION ALL
            SELECT 'category', ac.position, c.id, NULL, c.slug, c.name, c.description, NULL, NULL, NULL, NULL, NULL,
                   NULL, NULL, NULL, NULL, NULL
            FROM categories c JOIN article_categories ac ON ac.category_id = c.id WHERE ac.article_id = :id
            UNION ALL
            SELECT 'tag', 0, t.id, NULL, t.slug, t.name, NULL, NULL, NULL, NULL, NULL, NULL, NULL, t.name,
                   NULL, NULL, NULL
            FROM tags t JOIN article_tags at ON at.tag_id = t.id WHERE at.article_id = :id
            UNION ALL
            SELECT 'seo', 0, a.id, NULL, NULL, a.seo_title, a.seo_description, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
                   NULL, NULL, NULL
            FROM articles a WHERE a.id = :id AND (a.seo_title IS NOT NULL OR a.seo_description IS NOT NULL)
            UNION ALL
            SELECT 'reference', r.position, r.article_id, NULL, NULL, r.text, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
                   NULL, r.doi, r.pmid, r.url
            FROM article_references r WHERE r.article_id = :id
            ORDER BY part, pos, ord""";

    private final Jdbi jdbi;

    ArticleReadRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * What an article page lists beside the article itself, each list in the order the page shows it.
     *
     * @param translations the members of the article's translation group that readers may see now, itself included
     */
    record Parts(List<Reference> references, List<Category> categories, List<Tag> tags, List<Translation> translations,
                 Optional<SearchAppearance> searchAppearance) {
    }

    /** The article at this slug, drafts and trash included, without its references (see {@link #parts}). */
    Optional<Article> article(String slug) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM articles WHERE slug = :slug")
                .bind("slug", slug).map((rs, ctx) -> ArticleRepository.map(rs)).findOne());
    }

    Parts parts(long articleId, java.time.Instant now) {
        List<Row> rows = jdbi.withHandle(h -> h.createQuery(PARTS).bind("id", articleId)
                .map((rs, ctx) -> row(rs)).list());
        List<Reference> references = new ArrayList<>();
        List<Category> categories = new ArrayList<>();
        List<Tag> tags = new ArrayList<>();
        List<Translation> translations = new ArrayList<>();
        SearchAppearance seo = null;
        for (Row row : rows) {
            switch (row.part()) {
                case "reference" -> references.add((Reference) row.value());
                case "category" -> categories.add((Category) row.value());
                case "tag" -> tags.add((Tag) row.value());
                case "translation" -> {
                    Translation translation = (Translation) row.value();
                    if (translation.isPublicAt(now)) {
                        translations.add(translation);
                    }
                }
                default -> seo = (SearchAppearance) row.value();
            }
        }
        return new Parts(List.copyOf(references), List.copyOf(categories), List.copyOf(tags),
                List.copyOf(translations), Optional.ofNullable(seo));
    }

    private record Row(String part, Object value) {
    }

    private static Row row(ResultSet rs) throws SQLException {
        String part = rs.getString("part");
        Object value = switch (part) {
            case "category" -> new Category(rs.getLong("id"), rs.getString("slug"), rs.getString("title"),
                    rs.getString("description"));
            case "reference" -> new Reference(rs.getString("title"), rs.getString("doi"), rs.getString("pmid"),
                    rs.getString("url"));
            case "tag" -> new Tag(rs.getLong("id"), rs.getString("slug"), rs.getString("title"));
            case "translation" -> ArticleRepository.translation(rs);
            default -> new SearchAppearance(rs.getString("title"), rs.getString("description"));
        };
        return new Row(part, value);
    }
}
