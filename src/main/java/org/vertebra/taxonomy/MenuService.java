package org.vertebra.taxonomy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.vertebra.data.ContentChanges;
import org.vertebra.data.Transactor;
import org.vertebra.form.Invalid;

/**
 * Editing the site's menus: add, change, reorder and remove links, one level of nesting. Each
 * change is one transaction that also moves the content counter, so every server's pages show it.
 */
public final class MenuService {

    /** The menus a site has, by the names stored in menu_items. */
    public static final List<String> MENUS = List.of(TaxonomyService.PRIMARY_MENU, TaxonomyService.CATEGORY_MENU);

    private final MenuRepository menus;
    private final TaxonomyRepository taxonomy;
    private final Transactor transactor;
    private final ContentChanges changes;

    public MenuService(Jdbi jdbi, Transactor transactor, ContentChanges changes) {
        this.menus = new MenuRepository(jdbi);
        this.taxonomy = new TaxonomyRepository(jdbi);
        this.transactor = transactor;
        this.changes = changes;
    }

    public List<MenuEntry> tree(String menu) {
        return menus.tree(menu);
    }

    public Optional<MenuEntry> item(long id) {
        return menus.byId(id);
    }

    /** Adds a link at the end of its level and returns it; throws {@link Invalid} when the change does not fit. */
    public MenuEntry add(String menu, MenuLinkChange change) {
        if (!MENUS.contains(menu)) {
            throw new IllegalArgumentException("no menu " + menu);
        }
        return transactor.inTransaction(() -> {
            Link link = resolve(menu, change, 0, false);
            int position = menus.siblings(menu, link.parentId()).size();
            menus.insert(menu, link.parentId(), position, link.label(), link.url());
            changes.bump();
            // The newest row of its level: ids only grow, while positions may have gaps after a removal.
            return menus.siblings(menu, link.parentId()).stream().max(Comparator.comparingLong(MenuEntry::id)).orElseThrow();
        });
    }

    public void update(long id, MenuLinkChange change) {
        change(() -> {
            MenuEntry item = existing(id);
            Link link = resolve(item.menu(), change, id, !menus.siblings(item.menu(), id).isEmpty());
            boolean sameParent = Objects.equals(link.parentId(), item.parentId());
            int position = sameParent ? item.position() : menus.siblings(item.menu(), link.parentId()).size();
            menus.update(id, link.parentId(), position, link.label(), link.url());
        });
    }

    /** Moves an item one place up ({@code -1}) or down ({@code +1}) among the items that share its parent. */
    public void move(long id, int step) {
        change(() -> {
            MenuEntry item = existing(id);
            List<MenuEntry> siblings = new ArrayList<>(menus.siblings(item.menu(), item.parentId()));
            int at = indexOf(siblings, id);
            int to = at + Integer.signum(step);
            if (to >= 0 && to < siblings.size()) {
                siblings.add(to, siblings.remove(at));
            }
            for (int i = 0; i < siblings.size(); i++) {
                menus.setPosition(siblings.get(i).id(), i);
            }
        });
    }

    /** Removes an item; items under it move up to the top level. */
    public void remove(long id) {
        change(() -> menus.delete(existing(id)));
    }

    private void change(Runnable work) {
        transactor.run(() -> {
            work.run();
            changes.bump();
        });
    }

    private record Link(String label, String url, Long parentId) {
    }

    private Link resolve(String menu, MenuLinkChange change, long selfId, boolean hasChildren) {
        String label = change.label();
        String url = change.path();
        if (change.categoryId() != null) {
            Category category = taxonomy.categoryById(change.categoryId())
                    .orElseThrow(() -> Invalid.of("category", "That category no longer exists; choose another."));
            url = category.url();
            label = label == null ? category.name() : label;
        }
        if (change.parentId() != null) {
            MenuEntry parent = menus.byId(change.parentId()).orElse(null);
            if (parent == null || !parent.menu().equals(menu) || parent.parentId() != null || parent.id() == selfId) {
                throw Invalid.of("parent", "Choose one of this menu's top-level items, or none.");
            }
            if (hasChildren) {
                throw Invalid.of("parent", "This item has items under it, so it stays at the top level. Menus nest one level.");
            }
        }
        if (menus.linksTo(menu, url, selfId)) {
            throw Invalid.of(change.categoryId() != null ? "category" : "path", "This menu already links to " + url + ".");
        }
        return new Link(label, url, change.parentId());
    }

    private MenuEntry existing(long id) {
        return menus.byId(id).orElseThrow(() -> Invalid.of(null, "That menu item no longer exists."));
    }

    private static int indexOf(List<MenuEntry> items, long id) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).id() == id) {
                return i;
            }
        }
        throw new IllegalStateException("item " + id + " is not among its siblings");
    }
}
