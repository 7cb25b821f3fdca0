package org.vertebra.article;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.vertebra.content.Reference;
import org.vertebra.taxonomy.Category;
import org.vertebra.taxonomy.Tag;

/**
 * The query side of the article page: the lists around an article (its references, categories,
 * tags, translation group, search appearance and related cards) in one statement, so that a page
 * the cache does not hold costs a few statements rather than one per part.
 */
final class ArticleReadRepository {

    /*
     * One UNION ALL whose branches share the columns of a translation (categories and tags use
     * id, slug and title; the search appearance title and description; a reference its text as
     * title, and doi, pmid and url; a related card its excerpt as description, and author_id and
     * image_id); "part" says which list a row belongs to, and "pos" and "ord" keep each list in the
     * order its own query gave it. The translations come first: PostgreSQL types a UNION's columns
     * from its branches left to right, and theirs are the ones with a type in every column (a cast
     * NULL where a translation has none). The group's original and its translations are two branches:
     * joined on "t.id = group OR t.translation_of = group", SQLite read every article outside the
     * trash for each page (through articles_trash), 60 ms at 100,000 articles.
     */
    private static final String PARTS = """
            SELECT 'translation' AS part, 0 AS pos, t.id, t.kind, t.slug, t.title, NULL AS description, t.lang,
                   t.translation_of, t.status, t.published_at, t.updated_at, t.reviewed_on, t.lang AS ord,
                   NULL AS doi, NULL AS pmid, NULL AS url, CAST(NULL AS BIGINT) AS author_id,
                   CAST(NULL AS BIGINT) AS image_id
            FROM articles a JOIN articles t ON t.id = COALESCE(a.translation_of, a.id)
            WHERE a.id = :id AND t.deleted_at IS NULL
            UNION ALL
            SELECT 'translation', 0, t.id, t.kind, t.slug, t.title, NULL, t.lang, t.translation_of, t.status,
                   t.published_at, t.updated_at, t.reviewed_on, t.lang, NULL, NULL, NULL, NULL, NULL
            FROM articles a JOIN articles t ON t.translation_of = COALESCE(a.translation_of, a.id)
            WHERE a.id = :id AND t.deleted_at IS NULL
            UNION ALL
            SELECT 'category', ac.position, c.id, NULL, c.slug, c.name, c.description, NULL, NULL, NULL, NULL, NULL,
                   NULL, NULL, NULL, NULL, NULL, NULL, NULL
            FROM categories c JOIN article_categories ac ON ac.category_id = c.id WHERE ac.article_id = :id
            UNION ALL
            SELECT 'tag', 0, t.id, NULL, t.slug, t.name, NULL, NULL, NULL, NULL, NULL, NULL, NULL, t.name,
                   NULL, NULL, NULL, NULL, NULL
            FROM tags t JOIN article_tags at ON at.tag_id = t.id WHERE at.article_id = :id
            UNION ALL
            SELECT 'seo', 0, a.id, NULL, NULL, a.seo_title, a.seo_description, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
                   NULL, NULL, NULL, NULL, NULL
            FROM articles a WHERE a.id = :id AND (a.seo_title IS NOT NULL OR a.seo_description IS NOT NULL)
            UNION ALL
            SELECT 'reference', r.position, r.article_id, NULL, NULL, r.text, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
                   NULL, r.doi, r.pmid, r.url, NULL, NULL
            FROM article_references r WHERE r.article_id = :id
            """;

    private static final String ORDER = "ORDER BY part, pos, ord";

    private static final String PUBLIC_POST =
            "a.kind = 'post' AND a.status = 'published' AND a.published_at <= :now AND a.deleted_at IS NULL";

    /*
     * The cards of the articles the search index found like this one, when it found some: the ids
     * first (CROSS JOIN keeps that order in SQLite), or SQLite walks every public article through
     * the listing index to find these few. The page puts them in the index's order.
     */
    private static final String SIMILAR_CARDS = """
            UNION ALL
            SELECT 'card', 0, a.id, NULL, a.slug, a.title, COALESCE(a.summary, substr(a.plain_text, 1, 400)), NULL, NULL,
                   NULL, a.published_at, NULL, NULL, NULL, NULL, NULL, NULL, a.author_id, a.image_id
            FROM (SELECT id FROM articles WHERE id IN (<similar>)) picked CROSS JOIN articles a
            WHERE a.id = picked.id AND a.id <> :id AND\s""" + PUBLIC_POST + "\n";

    /*
     * Else the published articles in this one's language sharing tags or categories with it, a
     * shared tag counting double (a translation shares its original's tags, but its reader wants
     * its language). A branch's own ORDER BY does not order a UNION: "pos" carries the rank.
     */
    private static final String SHARING_CARDS = """
            UNION ALL
            SELECT 'card', ROW_NUMBER() OVER (ORDER BY s.score DESC, s.published_at DESC, s.id DESC), s.id, NULL, s.slug,
                   s.title, s.excerpt, NULL, NULL, NULL, s.published_at, NULL, NULL, NULL, NULL, NULL, NULL, s.author_id,
                   s.image_id
            FROM (SELECT * FROM (SELECT a.id, a.slug, a.title, COALESCE(a.summary, substr(a.plain_text, 1, 400)) AS excerpt,
                          a.author_id, a.image_id, a.published_at,
                          2 * (SELECT COUNT(*) FROM article_tags t1 JOIN article_tags t2 ON t1.tag_id = t2.tag_id
                                WHERE t1.article_id = a.id AND t2.article_id = :id)
                          + (SELECT COUNT(*) FROM article_categories c1 JOIN article_categories c2 ON c1.category_id = c2.category_id
                                WHERE c1.article_id = a.id AND c2.article_id = :id) AS score
                   FROM articles a WHERE\s""" + PUBLIC_POST + """
                    AND a.id <> :id AND a.lang = (SELECT lang FROM articles WHERE id = :id)) scored
                  WHERE score > 0 ORDER BY score DESC, published_at DESC, id DESC LIMIT :limit) s
            """;

    private final Jdbi jdbi;

    ArticleReadRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * What an article page lists beside the article itself, each list in the order the page shows it.
     *
     * @param translations the members of the article's translation group that readers may see now, itself included
     * @param related the published articles the page offers as related, best first
     */
    record Parts(List<Reference> references, List<Category> categories, List<Tag> tags, List<Translation> translations,
                 Optional<SearchAppearance> searchAppearance, List<ArticleCard> related) {
    }

    /** Which related cards a page shows: none (a static page), those the search index found, or those sharing tags. */
    sealed interface Related {
        record None() implements Related {
        }

        /** Published articles among these, in this order, at most {@code limit}. */
        record Similar(List<Long> ids, int limit) implements Related {
        }

        /** The best {@code limit} published articles sharing tags or categories with the article. */
        record Sharing(int limit) implements Related {
        }
    }

    /** The article at this slug, drafts and trash included, without its references (see {@link #parts}). */
    Optional<Article> article(String slug) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM articles WHERE slug = :slug")
                .bind("slug", slug).map((rs, ctx) -> ArticleRepository.map(rs)).findOne());
    }

    Parts parts(long articleId, Instant now, Related related) {
        String cardsBranch = related instanceof Related.Similar ? SIMILAR_CARDS
                : related instanceof Related.Sharing ? SHARING_CARDS : "";
        String sql = PARTS + cardsBranch + ORDER;
        List<Row> rows = jdbi.withHandle(h -> {
            Query query = h.createQuery(sql).bind("id", articleId);
            if (related instanceof Related.Similar similar) {
                query.bindList("similar", similar.ids()).bind("now", now);
            } else if (related instanceof Related.Sharing sharing) {
                query.bind("limit", sharing.limit()).bind("now", now);
            }
            return query.map((rs, ctx) -> row(rs)).list();
        });
        List<Reference> references = new ArrayList<>();
        List<Category> categories = new ArrayList<>();
        List<Tag> tags = new ArrayList<>();
        List<Translation> translations = new ArrayList<>();
        List<ArticleCard> cards = new ArrayList<>();
        SearchAppearance seo = null;
        for (Row row : rows) {
            switch (row.part()) {
                case "reference" -> references.add((Reference) row.value());
                case "category" -> categories.add((Category) row.value());
                case "tag" -> tags.add((Tag) row.value());
                case "card" -> cards.add((ArticleCard) row.value());
                case "translation" -> {
                    Translation translation = (Translation) row.value();
                    if (translation.isPublicAt(now)) {
                        translations.add(translation);
                    }
                }
                default -> seo = (SearchAppearance) row.value();
            }
        }
        if (related instanceof Related.Similar similar) {
            cards.sort(Comparator.comparingInt(card -> similar.ids().indexOf(card.id())));
            cards = cards.subList(0, Math.min(similar.limit(), cards.size()));
        }
        return new Parts(List.copyOf(references), List.copyOf(categories), List.copyOf(tags),
                List.copyOf(translations), Optional.ofNullable(seo), List.copyOf(cards));
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
            case "card" -> new ArticleCard(rs.getLong("id"), rs.getString("slug"), rs.getString("title"),
                    rs.getString("description"), ArticleRepository.nullableLong(rs, "author_id"),
                    ArticleRepository.nullableLong(rs, "image_id"),
                    Instant.ofEpochMilli(rs.getLong("published_at")));
            default -> new SearchAppearance(rs.getString("title"), rs.getString("description"));
        };
        return new Row(part, value);
    }
}
