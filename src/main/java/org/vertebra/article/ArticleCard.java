package org.vertebra.article;

import java.time.Instant;

/** An article as a list shows it: on the home page, in archives, the sidebar and "Related". */
public record ArticleCard(long id, String slug, String title, String excerpt, Long authorId, Long imageId,
                          Instant publishedAt) {

    public String url() {
        return "/" + org.vertebra.content.Slugs.inPath(slug) + "/";
    }
}
