package org.vertebra.taxonomy;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.vertebra.data.ContentChanges;
import org.vertebra.data.Transactor;
import org.vertebra.form.Invalid;

/**
 * Editing categories: add, rename (the old address answers 301 and menu links follow), describe,
 * and delete when no article is in it. One transaction per change, with the content counter.
 */
public final class CategoryService {

    /** A category with the number of articles in it (any status, trash included). */
    public record Listed(Category category, long articles) {
    }

    private final TaxonomyRepository taxonomy;
    private final MenuRepository menus;
    private final Transactor transactor;
    private final ContentChanges changes;
    private final Clock clock;

    public CategoryService(Jdbi jdbi, Transactor transactor, ContentChanges changes, Clock clock) {
        this.taxonomy = new TaxonomyRepository(jdbi);
        this.menus = new MenuRepository(jdbi);
        this.transactor = transactor;
        this.changes = changes;
        this.clock = clock;
    }

    public List<Listed> list() {
        return taxonomy.categoriesWithCounts();
    }

    public List<Category> all() {
        return list().stream().map(Listed::category).toList();
    }

    public Optional<Category> byId(long id) {
        return taxonomy.categoryById(id);
    }

    /** Adds a category and a link to it at the end of the category menu. */
    public Category add(CategoryChange change) {
        return transactor.inTransaction(() -> {
            requireFreeSlug(change.slug(), 0);
            Category category = taxonomy.insertCategory(change.slug(), change.name(), clock.instant());
            taxonomy.updateCategory(category.id(), change.slug(), change.name(), change.description());
            taxonomy.forgetRedirect(change.slug());
            menus.append(TaxonomyService.CATEGORY_MENU, new MenuItem(change.name(), category.url()));
            changes.bump();
            return new Category(category.id(), change.slug(), change.name(), change.description());
        });
    }

    /**
     * Renames, re-addresses or describes a category. A new slug keeps the old one as a redirect,
     * and menu links to the old address follow (their label too, where it was the old name).
     */
    public Category update(long id, CategoryChange change) {
        return transactor.inTransaction(() -> {
            Category old = existing(id);
            requireFreeSlug(change.slug(), id);
            Category renamed = new Category(id, change.slug(), change.name(), change.description());
            taxonomy.updateCategory(id, change.slug(), change.name(), change.description());
            if (!old.slug().equals(change.slug())) {
                taxonomy.forgetRedirect(change.slug());
                taxonomy.addRedirect(old.slug(), id, clock.instant());
            }
            for (MenuEntry link : menus.linkingTo(old.url())) {
                String label = link.label().equals(old.name()) ? change.name() : link.label();
                menus.update(link.id(), link.parentId(), link.position(), label, renamed.url());
            }
            changes.bump();
            return renamed;
        });
    }

    /** Deletes a category that no article is in, with the menu links to it. */
    public void delete(long id) {
        transactor.run(() -> {
            Category category = existing(id);
            long count = taxonomy.articleCount(id);
            if (count > 0) {
                throw Invalid.of(null, "\u201c" + category.name() + "\u201d still has " + count
                        + (count == 1 ? " article" : " articles") + " (drafts and trash count too). Move "
                        + (count == 1 ? "it" : "them") + " to another category first; nothing was deleted.");
            }
            menus.linkingTo(category.url()).forEach(menus::delete);
            taxonomy.deleteCategory(id);
            changes.bump();
        });
    }

    private void requireFreeSlug(String slug, long selfId) {
        taxonomy.category(slug).filter(c -> c.id() != selfId).ifPresent(c -> {
            throw Invalid.of("slug", "The category \u201c" + c.name() + "\u201d already has the address /category/" + slug + "/.");
        });
    }

    private Category existing(long id) {
        return taxonomy.categoryById(id).orElseThrow(() -> Invalid.of(null, "That category no longer exists."));
    }
}
