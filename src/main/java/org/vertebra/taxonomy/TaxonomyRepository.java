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
                h.createUpdate("INSERT INTO article_categories (article_id, category_id, position) VALUES (:a, :c, :p)")
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

    List<MenuItem> menu(String menu) {
        return jdbi.withHandle(h -> h.createQuery("SELECT label, url FROM menu_items WHERE menu = :menu ORDER BY position, id")
                .bind("menu", menu).map(ConstructorMapper.of(MenuItem.class)).list());
    }

    /** Appends a link to a menu unless the menu already links to that address. */
    void appendToMenu(String menu, MenuItem item) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO menu_items (menu, position, label, url)
                        SELECT :menu, COALESCE(MAX(position) + 1, 0), :label, :url FROM menu_items WHERE menu = :menu
                        ON CONFLICT (menu, url) DO NOTHING""")
                .bind("menu", menu).bind("label", item.label()).bind("url", item.url()).execute());
    }
}
