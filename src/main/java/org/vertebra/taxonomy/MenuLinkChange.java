package org.vertebra.taxonomy;

import org.vertebra.form.Links;
import org.vertebra.form.Problems;

/**
 * A menu link as a form gives it: a label, and where it goes (a path on this site, an https
 * address, or a category), optionally under a top-level item.
 *
 * @param label      null when a category is chosen and its name should be the label
 * @param path       the address, or null when {@code categoryId} is given
 * @param categoryId the category linked to, or null
 * @param parentId   the top-level item this one sits under, or null
 */
public record MenuLinkChange(String label, String path, Long categoryId, Long parentId) {

    public static final int LABEL_MAX = 200;

    /** Checks what a form sent; throws {@link org.vertebra.form.Invalid} with every problem found. */
    public static MenuLinkChange parse(String label, String path, String category, String parent) {
        Problems problems = new Problems();
        String cleanLabel = problems.optional("label", "The label", label, LABEL_MAX);
        String cleanPath = path == null || path.isBlank() ? null : path.strip();
        Long categoryId = id(category);
        if (cleanPath == null && categoryId == null) {
            problems.add("path", "Enter a path such as /about/ or an https address, or choose a category.");
        } else if (cleanPath != null && categoryId != null) {
            problems.add("path", "Give a path or choose a category, not both.");
        } else if (cleanPath != null && !Links.isSitePath(cleanPath) && !Links.isHttpsUrl(cleanPath)) {
            problems.add("path", "The path must start with / (a page of this site, such as /about/) or be an https:// address.");
        }
        if (cleanLabel == null && categoryId == null) {
            problems.add("label", "Enter the label the menu shows.");
        }
        if (category != null && !category.isBlank() && categoryId == null) {
            problems.add("category", "Choose one of the categories.");
        }
        Long parentId = id(parent);
        if (parent != null && !parent.isBlank() && parentId == null) {
            problems.add("parent", "Choose one of the menu's top-level items.");
        }
        problems.check();
        return new MenuLinkChange(cleanLabel, cleanPath, categoryId, parentId);
    }

    private static Long id(String value) {
        return value != null && value.strip().matches("[1-9]\\d{0,17}") ? Long.valueOf(value.strip()) : null;
    }
}
