package org.vertebra.layout;

import java.util.List;

/** A menu entry, marked current when it is the page being shown, with the entries under it (one level). */
public record MenuLink(String label, String url, boolean current, List<MenuLink> children) {

    public MenuLink(String label, String url, boolean current) {
        this(label, url, current, List.of());
    }

    public boolean hasChildren() {
        return !children.isEmpty();
    }
}
