package org.vertebra.layout;

import java.util.List;

/**
 * What every page around its main content shows: head fields, menus, sidebar and footer.
 *
 * @param title        the document title, without the site name
 * @param description  the meta description; may be null
 * @param path         the path of this page, for the canonical link and the current menu entry
 */
public record Frame(String siteTitle, String title, String description, String baseUrl, String path,
                    List<MenuLink> primaryMenu, List<MenuLink> categoryMenu, List<CardView> sidebar, int year,
                    Social social) {

    public String documentTitle() {
        return title == null || title.isBlank() || title.equals(siteTitle) ? siteTitle : title + " - " + siteTitle;
    }

    public String canonicalUrl() {
        return baseUrl + path;
    }
}
