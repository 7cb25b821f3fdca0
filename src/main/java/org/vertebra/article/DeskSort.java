package org.vertebra.article;

/**
 * The orders of the desk's articles list. Each reads its own index (V25's articles_desk_list_...),
 * led by the column it is ordered by and the id, so that the next page is sought from the last line
 * shown instead of counted from the first.
 */
public enum DeskSort {
    CHANGED("changed", "Last saved, newest first", "a.modified_at", true, "articles_desk_list_changed"),
    PUBLISHED("published", "Publishing date, newest first", "a.published_at", true, "articles_desk_list_published"),
    TITLE("title", "Title, A to Z", "a.title_key", false, "articles_desk_list_title"),
    GRADE("grade", "Reading grade, hardest first", "a.reading_grade", true, "articles_desk_list_grade");

    private final String key;
    private final String label;
    final String column;
    final boolean descending;
    final String index;

    DeskSort(String key, String label, String column, boolean descending, String index) {
        this.key = key;
        this.label = label;
        this.column = column;
        this.descending = descending;
        this.index = index;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    /** The order with this key; newest change first for an unknown or missing one. */
    public static DeskSort parse(String key) {
        for (DeskSort sort : values()) {
            if (sort.key.equals(key)) {
                return sort;
            }
        }
        return CHANGED;
    }
}
