package org.vertebra.taxonomy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.vertebra.content.Slugs;
import org.vertebra.layout.SiteMenus;

/**
 * Categories, tags and menus. A category named by content is created when new and added to the
 * category menu, so an imported site has a working menu without further setup.
 */
public final class TaxonomyService implements SiteMenus {

    public static final String PRIMARY_MENU = "primary";
    public static final String CATEGORY_MENU = "categories";

    private final TaxonomyRepository repository;
    private final MenuRepository menus;
    private final Clock clock;

    public TaxonomyService(Jdbi jdbi, Clock clock) {
        this.repository = new TaxonomyRepository(jdbi);
        this.menus = new MenuRepository(jdbi);
        this.clock = clock;
    }

    public List<Category> ensureCategories(List<String> names) {
        List<Category> categories = new ArrayList<>();
        for (String name : names) {
            String slug = Slugs.of(name);
            Category category = repository.category(slug).orElseGet(() -> {
                Category created = repository.insertCategory(slug, name.strip(), clock.instant());
                menus.append(CATEGORY_MENU, new MenuItem(created.name(), created.url()));
                return created;
            });
            if (!categories.contains(category)) {
                categories.add(category);
            }
        }
        return categories;
    }

    public List<Tag> ensureTags(List<String> names) {
        List<Tag> tags = new ArrayList<>();
        for (String name : names) {
            String slug = Slugs.of(name);
            Tag tag = repository.tag(slug).orElseGet(() -> repository.insertTag(slug, name.strip(), clock.instant()));
            if (!tags.contains(tag)) {
                tags.add(tag);
            }
        }
        return tags;
    }

    public void assign(long articleId, List<Category> categories, List<Tag> tags) {
        repository.replaceArticleCategories(articleId, categories);
        repository.replaceArticleTags(articleId, tags);
    }

    public Optional<Category> category(String slug) {
        return repository.category(slug);
    }

    public Optional<Tag> tag(String slug) {
        return repository.tag(slug);
    }

    /** Every category by name, for the editor's suggestions. */
    public List<Category> categories() {
        return repository.allCategories();
    }

    public List<Category> categoriesOf(long articleId) {
        return repository.categoriesOf(articleId);
    }

    /** As {@link #categoriesOf(long)} for several articles in one query, by article id (none: not in the map). */
    public java.util.Map<Long, List<Category>> categoriesOf(java.util.Collection<Long> articleIds) {
        return repository.categoriesOf(articleIds);
    }

    public List<Tag> tagsOf(long articleId) {
        return repository.tagsOf(articleId);
    }

    /** The current slug of a category that was renamed from this one, for a 301 from its old address. */
    public Optional<String> categoryRenamedTo(String oldSlug) {
        return repository.renamedCategory(oldSlug);
    }

    /** A menu as a tree: top-level items in order, each with the items under it. */
    public List<MenuEntry> menu(String name) {
        return menus.tree(name);
    }

    @Override
    public List<SiteMenus.Item> primaryMenu() {
        return items(menu(PRIMARY_MENU));
    }

    @Override
    public List<SiteMenus.Item> categoryMenu() {
        return items(menu(CATEGORY_MENU));
    }

    private static List<SiteMenus.Item> items(List<MenuEntry> entries) {
        return entries.stream().map(e -> new SiteMenus.Item(e.label(), e.url(), items(e.children()))).toList();
    }

    public void addToMenu(String menu, MenuItem item) {
        menus.append(menu, item);
    }
}
