package org.vertebra.taxonomy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/** Categories, tags, their links to articles, and menus. */
final class TaxonomyRepository {

    private final Jdbi jdbi;

    TaxonomyRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    Optional<Category> category(String slug) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, slug, name, description FROM categories WHERE slug = :slug")
                .bind("slug", slug).map(ConstructorMapper.of(Category.class)).findOne());
    }

    Optional<Category> categoryById(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, slug, name, description FROM categories WHERE id = :id")
                .bind("id", id).map(ConstructorMapper.of(Category.class)).findOne());
    }

    List<CategoryService.Listed> categoriesWithCounts() {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT c.id, c.slug, c.name, c.description, COUNT(ac.article_id) AS articles
                        FROM categories c LEFT JOIN article_categories ac ON ac.category_id = c.id
                        GROUP BY c.id, c.slug, c.name, c.description ORDER BY c.name, c.id""")
                .map((rs, ctx) -> new CategoryService.Listed(new Category(rs.getLong("id"), rs.getString("slug"),
                        rs.getString("name"), rs.getString("description")), rs.getLong("articles"))).list());
    }

    long articleCount(long categoryId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM article_categories WHERE category_id = :id")
                .bind("id", categoryId).mapTo(Long.class).one());
    }

    void updateCategory(long id, String slug, String name, String description) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE categories SET slug = :slug, name = :name, description = :description WHERE id = :id")
                .bind("id", id).bind("slug", slug).bind("name", name).bind("description", description).execute());
    }

    void deleteCategory(long id) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM categories WHERE id = :id").bind("id", id).execute());
    }

    /** The current slug of the category that once had this one. */
    Optional<String> renamedCategory(String oldSlug) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT c.slug FROM category_redirects r JOIN categories c ON c.id = r.category_id
                        WHERE r.old_slug = :slug""")
                .bind("slug", oldSlug).mapTo(String.class).findOne());
    }

    void addRedirect(String oldSlug, long categoryId, Instant now) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO category_redirects (old_slug, category_id, created_at) VALUES (:slug, :id, :now)
                        ON CONFLICT (old_slug) DO UPDATE SET category_id = excluded.category_id, created_at = excluded.created_at""")
                .bind("slug", oldSlug).bind("id", categoryId).bind("now", now).execute());
    }

    void forgetRedirect(String slug) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM category_redirects WHERE old_slug = :slug").bind("slug", slug).execute());
    }

    Category insertCategory(String slug, String name, Instant now) {
        long id = jdbi.withHandle(h -> h.createQuery(
                        "INSERT INTO categories (slug, name, created_at) VALUES (:slug, :name, :now) RETURNING id")
                .bind("slug", slug).bind("name", name).bind("now", now).mapTo(Long.class).one());
        return new Category(id, slug, name, null);
    }

    Optional<Tag> tag(String slug) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, slug, name FROM tags WHERE slug = :slug")
                .bind("slug", slug).map(ConstructorMapper.of(Tag.class)).findOne());
    }

    Tag insertTag(String slug, String name, Instant now) {
        long id = jdbi.withHandle(h -> h.createQuery(
                        "INSERT INTO tags (slug, name, created_at) VALUES (:slug, :name, :now) RETURNING id")
                .bind("slug", slug).bind("name", name).bind("now", now).mapTo(Long.class).one());
        return new Tag(id, slug, name);
    }

    List<Category> allCategories() {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, slug, name, description FROM categories ORDER BY name, id")
                .map(ConstructorMapper.of(Category.class)).list());
    }

    List<Category> categoriesOf(long articleId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT c.id, c.slug, c.name, c.description FROM categories c
                        JOIN article_categories ac ON ac.category_id = c.id
                        WHERE ac.article_id = :id ORDER BY ac.position""")
                .bind("id", articleId).map(ConstructorMapper.of(Category.class)).list());
    }

    /** The categories of each of these articles, each list in its article's order; an article without any is not in the map. */
    java.util.Map<Long, List<Category>> categoriesOf(java.util.Collection<Long> articleIds) {
        java.util.Map<Long, List<Category>> byArticle = new java.util.HashMap<>();
        if (articleIds.isEmpty()) {
            return byArticle;
        }
        jdbi.useHandle(h -> h.createQuery("""
                        SELECT ac.article_id, c.id, c.slug, c.name, c.description FROM categories c
                        JOIN article_categories ac ON ac.category_id = c.id
                        WHERE ac.article_id IN (<ids>) ORDER BY ac.article_id, ac.position""")
                .bindList("ids", List.copyOf(articleIds))
                .map((rs, ctx) -> java.util.Map.entry(rs.getLong("article_id"), new Category(rs.getLong("id"),
                        rs.getString("slug"), rs.getString("name"), rs.getString("description"))))
                .forEach(e -> byArticle.computeIfAbsent(e.getKey(), k -> new java.util.ArrayList<>()).add(e.getValue())));
        return byArticle;
    }

    List<Tag> tagsOf(long articleId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT t.id, t.slug, t.name FROM tags t JOIN article_tags at ON at.tag_id = t.id
                        WHERE at.article_id = :id ORDER BY t.name""")
                .bind("id", articleId).map(ConstructorMapper.of(Tag.class)).list());
    }

    void replaceArticleCategories(long articleId, List<Category> categories) {
        jdbi.useHandle(h -> {
            h.createUpdate("DELETE FROM article_categories WHERE article_id = :id").bind("id", articleId).execute();
            for (int i = 0; i < categories.size(); i++) {
                // listed_at: when the article appears in the category's list, as ArticleRepository keeps it
                h.createUpdate("""
                                INSERT INTO article_categories (article_id, category_id, position, listed_at)
                                VALUES (:a, :c, :p, (SELECT CASE WHEN a.kind = 'post' AND a.status = 'published'
                                                                  AND a.deleted_at IS NULL THEN a.published_at END
                                                     FROM articles a WHERE a.id = :a))""")
                        .bind("a", articleId).bind("c", categories.get(i).id()).bind("p", i).execute();
            }
        });
    }

    void replaceArticleTags(long articleId, List<Tag> tags) {
        jdbi.useHandle(h -> {
            h.createUpdate("DELETE FROM article_tags WHERE article_id = :id").bind("id", articleId).execute();
            for (Tag tag : tags) {
                h.createUpdate("INSERT INTO article_tags (article_id, tag_id) VALUES (:a, :t)")
                        .bind("a", articleId).bind("t", tag.id()).execute();
            }
        });
    }
}
