package org.vertebra.wordpress;

/**
 * A {@code <wp:comment>} of an item.
 *
 * @param approved WordPress's state: "1" approved, "0" waiting, "spam" or "trash"
 * @param type     "comment" (or empty) for a reader's comment; "pingback" and "trackback" are not
 * @param parentId the comment it answers; 0 for none
 */
record WxrComment(long id, String author, String email, String dateGmt, String content, String approved, String type,
                  long parentId, long userId) {
}
