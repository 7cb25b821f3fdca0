package org.vertebra.taxonomy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The menu_items table: each menu's items, their order and their parents. */
final class MenuRepository {

    private static final String SELECT = "SELECT id, menu, parent_id, position, label, url FROM menu_items ";

    private final Jdbi jdbi;

    MenuRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The menu as a tree: top-level items in order, each with its children in order. */
    List<MenuEntry> tree(String menu) {
        List<MenuEntry> rows = jdbi.withHandle(h -> h.createQuery(SELECT + "WHERE menu = :menu ORDER BY position, id")
                .bind("menu", menu).map((rs, ctx) -> map(rs)).list());
        List<MenuEntry> tree = new ArrayList<>();
        for (MenuEntry row : rows) {
            if (row.parentId() == null) {
                tree.add(row.withChildren(rows.stream().filter(c -> row.id() == nullToZero(c.parentId())).toList()));
            }
        }
        return tree;
    }

    Optional<MenuEntry> byId(long id) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + "WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> map(rs)).findOne());
    }

    /** Items that share a parent (the top level when {@code parentId} is null), in order. */
    List<MenuEntry> siblings(String menu, Long parentId) {
        // parent_id = NULL matches nothing in SQL; COALESCE makes the top level comparable (ids start at 1).
        return jdbi.withHandle(h -> h.createQuery(SELECT + "WHERE menu = :menu AND COALESCE(parent_id, 0) = :parent ORDER BY position, id")
                .bind("menu", menu).bind("parent", nullToZero(parentId)).map((rs, ctx) -> map(rs)).list());
    }

    boolean linksTo(String menu, String url, long exceptId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM menu_items WHERE menu = :menu AND url = :url AND id <> :id")
                .bind("menu", menu).bind("url", url).bind("id", exceptId).mapTo(Integer.class).one()) > 0;
    }

    void insert(String menu, Long parentId, int position, String label, String url) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO menu_items (menu, parent_id, position, label, url)
                        VALUES (:menu, :parent, :position, :label, :url)""")
                .bind("menu", menu).bind("parent", parentId).bind("position", position)
                .bind("label", label).bind("url", url).execute());
    }

    void update(long id, Long parentId, int position, String label, String url) {
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE menu_items SET parent_id = :parent, position = :position, label = :label, url = :url
                        WHERE id = :id""")
                .bind("id", id).bind("parent", parentId).bind("position", position)
                .bind("label", label).bind("url", url).execute());
    }

    void setPosition(long id, int position) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE menu_items SET position = :position WHERE id = :id")
                .bind("id", id).bind("position", position).execute());
    }

    /** Removes an item; the items under it move up to the top level, in their order, at its place. */
    void delete(MenuEntry item) {
        List<MenuEntry> children = siblings(item.menu(), item.id());
        List<MenuEntry> order = new ArrayList<>();
        for (MenuEntry sibling : siblings(item.menu(), item.parentId())) {
            if (sibling.id() == item.id()) {
                order.addAll(children);
            } else {
                order.add(sibling);
            }
        }
        jdbi.useHandle(h -> {
            for (int i = 0; i < order.size(); i++) {
                h.createUpdate("UPDATE menu_items SET parent_id = :parent, position = :position WHERE id = :id")
                        .bind("id", order.get(i).id()).bind("parent", item.parentId()).bind("position", i).execute();
            }
            h.createUpdate("DELETE FROM menu_items WHERE id = :id").bind("id", item.id()).execute();
        });
    }

    /** Every item, in any menu, that links to this address. */
    List<MenuEntry> linkingTo(String url) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + "WHERE url = :url").bind("url", url)
                .map((rs, ctx) -> map(rs)).list());
    }

    /** Appends a top-level link to a menu unless the menu already links to that address. */
    void append(String menu, MenuItem item) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO menu_items (menu, position, label, url)
                        SELECT :menu, COALESCE(MAX(position) + 1, 0), :label, :url FROM menu_items WHERE menu = :menu
                        ON CONFLICT (menu, url) DO NOTHING""")
                .bind("menu", menu).bind("label", item.label()).bind("url", item.url()).execute());
    }

    private static long nullToZero(Long id) {
        return id == null ? 0 : id;
    }

    private static MenuEntry map(ResultSet rs) throws SQLException {
        long parent = rs.getLong("parent_id");
        boolean topLevel = rs.wasNull();
        return new MenuEntry(rs.getLong("id"), rs.getString("menu"), topLevel ? null : parent, rs.getInt("position"),
                rs.getString("label"), rs.getString("url"), List.of());
    }
}
