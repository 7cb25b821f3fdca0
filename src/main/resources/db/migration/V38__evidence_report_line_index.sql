-- The evidence report's CSV (issue 17: 100,000 lines in under 5 s): what a line needs of an
-- article, in an index keyed by id, so that SQLite reads a chunk's articles from the index alone
-- (article/ArticleRepository.byIdsForReport), and which of them belong to a translation group
-- (groupsOf). SQLite keeps body_md, body_html, toc_json and plain_text before these columns in
-- each row, so reading any of them from the table walks the row's overflow pages.
--
-- SQLite only: the placeholder sqlite_only (data/Database.migrations) is empty there and comments
-- the statement out on PostgreSQL, which keeps long text out of line (TOAST), so its rows are
-- short already, and whose index entries may not exceed a third of a page (disclosure is TEXT).
${sqlite_only}CREATE INDEX articles_report_line ON articles (id, kind, deleted_at, status, published_at, updated_at, review_requested_at, modified_at, reviewed_by, reviewed_on, author_id, disclosure, lang, translation_of, title);

-- The identifiers of a chunk's references, which is all a line needs of them (the retraction
-- flags; the attribution benchmark is stored with the figures), read from the index alone
-- instead of through the primary key to each row and its text (both databases).
CREATE INDEX article_references_identifiers ON article_references (article_id, position, doi, pmid);
