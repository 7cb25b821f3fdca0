-- What a WordPress import brought across, and the old addresses that keep answering.
-- As in V1: ${identity} keys, instants in epoch milliseconds.

-- One row per WordPress item imported (kind: post, page, attachment, category, tag, author, comment),
-- keyed by its WordPress id, so a second import of the same export updates instead of duplicating.
-- vertebra_id is the row it became (articles, media, categories, tags, authors, comments).
CREATE TABLE wordpress_items (
    kind        VARCHAR(20) NOT NULL,
    wp_id       BIGINT      NOT NULL,
    vertebra_id BIGINT      NOT NULL,
    imported_at BIGINT      NOT NULL,
    PRIMARY KEY (kind, wp_id)
);

-- Old WordPress addresses (a path, with the query for /?p=ID and the like) and where they lead now:
-- an article (followed to its current slug, and only while it is public), or a fixed address on
-- this site (a media file, a category, a tag, an author, a feed).
CREATE TABLE legacy_urls (
    path       VARCHAR(1000) PRIMARY KEY,
    article_id BIGINT REFERENCES articles (id) ON DELETE CASCADE,
    target     VARCHAR(1000),
    created_at BIGINT        NOT NULL,
    CHECK (article_id IS NOT NULL OR target IS NOT NULL)
);

-- The search title and meta description a WordPress SEO plugin (Yoast, Rank Math) kept for a post.
ALTER TABLE articles ADD COLUMN seo_title VARCHAR(500);
ALTER TABLE articles ADD COLUMN seo_description VARCHAR(1000);
