package org.vertebra.wordpress;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An {@code <item>} of the export: a post, a page, an attachment or something else WordPress
 * keeps as a post (menu items, revisions, blocks), with its terms, post meta and comments.
 *
 * @param line       where the item starts in the file, for the report
 * @param categories the slugs of its categories, in the file's order
 * @param tags       the slugs and names of its tags
 * @param menu       for a menu item, the name of its menu; empty otherwise
 * @param menuOrder  a menu item's place in its menu (WordPress counts from 1 across the whole menu)
 * @param passwordProtected whether WordPress showed it only to those who knew its password
 * @param sticky     a post marked "Stick to the top of the blog" ({@code wp:is_sticky})
 * @param language   Polylang's language term of the post (its slug, "es"); empty without Polylang
 * @param translationGroup Polylang's post_translations term of the post ("pll_..."); empty when it has none
 */
record WxrItem(int line, long id, String type, String status, String title, String link, String slug, String creator,
               String content, String excerpt, String postDate, String postDateGmt, long parentId, String attachmentUrl,
               List<String> categories, Map<String, String> tags, String menu, int menuOrder,
               Map<String, List<String>> meta,
               List<WxrComment> comments, boolean passwordProtected, boolean sticky, String language,
               String translationGroup) {

    Optional<String> meta(String key) {
        List<String> values = meta.get(key);
        return values == null || values.isEmpty() || values.get(0).isBlank() ? Optional.empty()
                : Optional.of(values.get(0).strip());
    }

    /** A post meta value that holds an id, such as {@code _thumbnail_id}; 0 when absent or not a number. */
    long metaNumber(String key) {
        return WxrReader.number(meta(key).orElse(null));
    }

    List<String> metaValues(String key) {
        return meta.getOrDefault(key, List.of());
    }
}
