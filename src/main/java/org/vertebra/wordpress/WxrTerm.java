package org.vertebra.wordpress;

/**
 * A {@code <wp:category>} or {@code <wp:tag>} of the export, or a {@code <wp:term>} of Polylang's
 * {@code language} or {@code post_translations} taxonomy (see {@link PolylangGroups}).
 *
 * @param parentSlug the parent category's slug; empty for a top-level category or a tag
 */
record WxrTerm(Kind kind, long id, String slug, String name, String parentSlug, String description) {

    enum Kind { CATEGORY, TAG, LANGUAGE, TRANSLATIONS }
}
