package org.vertebra.layout;

import java.util.List;

/**
 * The two menus every public page shows. The taxonomy feature keeps them; the frame only reads
 * them and marks the item for the current page.
 */
public interface SiteMenus {

    /** A menu item with the items under it. */
    record Item(String label, String url, List<Item> children) {
    }

    /** The main navigation. */
    List<Item> primaryMenu();

    /** The category menu. */
    List<Item> categoryMenu();
}
