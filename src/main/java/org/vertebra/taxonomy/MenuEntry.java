package org.vertebra.taxonomy;

import java.util.List;

/**
 * One item of a menu as stored, with the items under it (one level: children have none).
 *
 * @param parentId the item this one sits under, or null at the top level
 */
public record MenuEntry(long id, String menu, Long parentId, int position, String label, String url,
                        List<MenuEntry> children) {

    MenuEntry withChildren(List<MenuEntry> items) {
        return new MenuEntry(id, menu, parentId, position, label, url, List.copyOf(items));
    }
}
