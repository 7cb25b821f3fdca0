package org.vertebra.article;

import org.vertebra.language.Language;

/**
 * Which published articles a list shows: all of them, or those of one category, tag or author;
 * the home listing shows the posts that are not sticky (its first page puts the sticky ones first).
 *
 * @param lang the language the list is limited to (a language's home, archives and feed); null: any
 */
public record ArticleQuery(Filter filter, long id, Language lang) {

    public enum Filter { ALL, HOME, STICKY, CATEGORY, TAG, AUTHOR }

    public ArticleQuery(Filter filter, long id) {
        this(filter, id, null);
    }

    public static ArticleQuery all() {
        return new ArticleQuery(Filter.ALL, 0);
    }

    public static ArticleQuery home() {
        return new ArticleQuery(Filter.HOME, 0);
    }

    static ArticleQuery sticky() {
        return new ArticleQuery(Filter.STICKY, 0);
    }

    public static ArticleQuery inCategory(long categoryId) {
        return new ArticleQuery(Filter.CATEGORY, categoryId);
    }

    public static ArticleQuery withTag(long tagId) {
        return new ArticleQuery(Filter.TAG, tagId);
    }

    public static ArticleQuery byAuthor(long authorId) {
        return new ArticleQuery(Filter.AUTHOR, authorId);
    }

    /** The same list, of the articles in this language only. */
    public ArticleQuery in(Language language) {
        return new ArticleQuery(filter, id, language);
    }

    String condition() {
        String language = lang == null ? "" : " AND a.lang = :lang";
        return language + switch (filter) {
            case ALL -> "";
            case HOME -> " AND a.sticky = FALSE";
            case STICKY -> " AND a.sticky = TRUE";
            case CATEGORY -> " AND EXISTS (SELECT 1 FROM article_categories ac WHERE ac.article_id = a.id AND ac.category_id = :filterId)";
            case TAG -> " AND EXISTS (SELECT 1 FROM article_tags at WHERE at.article_id = a.id AND at.tag_id = :filterId)";
            case AUTHOR -> " AND a.author_id = :filterId";
        };
    }
}
