-- Indexes for the lists that page through a large site (issue 17), each named for the list it
-- serves; ListQueriesUseIndexesTest reads the query plans on SQLite and PostgreSQL.

-- The public lists (home, category, tag, feed) and their counts: every column they filter on is
-- in the index, so a page and a count read the index alone, never the article rows with their
-- text (at 100,000 articles the count of a category read 400 MB of rows through the old index).
DROP INDEX articles_listing;
CREATE INDEX articles_public ON articles (kind, status, deleted_at, published_at, sticky);
-- The sticky posts that open the home page: a handful, found without walking every article.
CREATE INDEX articles_sticky ON articles (kind, status, deleted_at, published_at) WHERE sticky = TRUE;
-- An author's articles, the same way as the public lists.
DROP INDEX articles_author;
CREATE INDEX articles_public_author ON articles (author_id, kind, status, deleted_at, published_at);

-- The editorial desk: every shelf is newest change first, outside or inside the trash, and
-- narrowed by status or by the account that owns the article. The shelves by status read their
-- status in change order and filter on the columns after it, so that their pages and counts read
-- the index alone (Shelf keeps SQLite from taking articles_desk for them instead).
CREATE INDEX articles_desk ON articles (deleted_at, modified_at);
CREATE INDEX articles_desk_status ON articles (status, modified_at, deleted_at, kind, published_at, reviewed_on,
    review_requested_at);
CREATE INDEX articles_desk_owner ON articles (owner_user_id, deleted_at, modified_at);
CREATE INDEX articles_desk_trash ON articles (modified_at) WHERE deleted_at IS NOT NULL;
CREATE INDEX articles_desk_owner_trash ON articles (owner_user_id, modified_at) WHERE deleted_at IS NOT NULL;

-- What changed since a moment (the search index catching up), and the next scheduled publication.
CREATE INDEX articles_modified ON articles (modified_at);
CREATE INDEX articles_published ON articles (status, published_at);
