-- Indexes for the lists that page through a large site (issue 17), each named for the list it
-- serves; ListQueriesUseIndexesTest reads the query plans on SQLite and PostgreSQL.

-- The editorial desk: every shelf is newest change first, outside or inside the trash, and
-- narrowed by status or by the account that owns the article.
CREATE INDEX articles_desk ON articles (deleted_at, modified_at);
CREATE INDEX articles_desk_status ON articles (status, deleted_at, modified_at);
CREATE INDEX articles_desk_owner ON articles (owner_user_id, deleted_at, modified_at);
CREATE INDEX articles_desk_trash ON articles (modified_at) WHERE deleted_at IS NOT NULL;
CREATE INDEX articles_desk_owner_trash ON articles (owner_user_id, modified_at) WHERE deleted_at IS NOT NULL;

-- What changed since a moment (the search index catching up, the page cache's watcher), and the
-- next scheduled publication.
CREATE INDEX articles_modified ON articles (modified_at);
CREATE INDEX articles_published ON articles (status, published_at);
