-- The desk's articles list searched, sorted and filtered (issue 20), at 100,000 articles (issue 17).

-- The title as the list compares it: lower-cased by the article repository on every save (Java's
-- rules, the same for SQLite and PostgreSQL, whose lower() differ beyond ASCII), so that a search
-- and the order by title need no function over the column. Filled here with lower(); the checks'
-- catch-up below writes it again with Java's rules.
ALTER TABLE articles ADD COLUMN title_key VARCHAR(500);
UPDATE articles SET title_key = LOWER(title);

-- The reading grade of the text and the trust benchmarks it missed (a bit for each, in the order of
-- trust/Benchmark: authorship 1, attribution 2, disclosure 4, currency 8), worked out by the desk when
-- an article is saved and by its catch-up after imports (desk/EvidenceCatchUp), so that the list
-- filters and sorts on them, and the trust settings count the published articles above a grade,
-- without reading any text. reading_grade is -1 for a text without prose, a page, or one not worked
-- out yet; benchmarks_missed is NULL until it is worked out.
ALTER TABLE articles ADD COLUMN reading_grade DOUBLE PRECISION NOT NULL DEFAULT -1;
ALTER TABLE articles ADD COLUMN benchmarks_missed INTEGER;
UPDATE articles SET reading_grade = (SELECT f.grade_rank FROM evidence_figures f WHERE f.article_id = articles.id)
WHERE id IN (SELECT article_id FROM evidence_figures);
-- The evidence figures said how many benchmarks were missed, not which: they keep which too now, and
-- are worked out again, in the background, for every article (the report shows what is worked out
-- so far meanwhile), which fills the two columns above.
ALTER TABLE evidence_figures ADD COLUMN missed_benchmarks INTEGER NOT NULL DEFAULT 0;
DELETE FROM evidence_figures;

-- One index for each order of the list, led by what it is ordered by and the id (the seek of the
-- next page starts inside it), then every column the list filters on, so that a page and its count
-- are filtered inside the index and read an article's row only for the lines shown. A category is
-- the primary key of article_categories, asked per line.
CREATE INDEX articles_desk_list_changed ON articles (modified_at, id, deleted_at, status, kind, published_at,
    review_requested_at, reviewed_on, owner_user_id, author_id, benchmarks_missed, reading_grade, title_key);
CREATE INDEX articles_desk_list_published ON articles (published_at, id, deleted_at, status, kind,
    review_requested_at, reviewed_on, owner_user_id, author_id, benchmarks_missed, reading_grade, title_key);
CREATE INDEX articles_desk_list_title ON articles (title_key, id, deleted_at, status, kind, published_at,
    review_requested_at, reviewed_on, owner_user_id, author_id, benchmarks_missed, reading_grade);
CREATE INDEX articles_desk_list_grade ON articles (reading_grade, id, deleted_at, status, kind, published_at,
    review_requested_at, reviewed_on, owner_user_id, author_id, benchmarks_missed, title_key);

-- The published articles above a grade, for the trust settings.
CREATE INDEX articles_public_grade ON articles (kind, status, deleted_at, reading_grade, published_at);
