-- Lists of 100,000 articles (issue 17): a category's 500th page, the sitemap's files.

-- A category's list in the order it is shown, without reading an article per entry: when the
-- article is a post that is (or is scheduled to be) public, the moment it appears; else NULL.
-- The article repository keeps it in step whenever an article or its categories change. A page
-- then skips its OFFSET inside this index alone (page 500 read 5,000 article rows before).
ALTER TABLE article_categories ADD COLUMN listed_at BIGINT;
UPDATE article_categories SET listed_at = (
    SELECT a.published_at FROM articles a
    WHERE a.id = article_categories.article_id AND a.kind = 'post' AND a.status = 'published' AND a.deleted_at IS NULL);
CREATE INDEX article_categories_listing ON article_categories (category_id, listed_at, article_id);

-- The sitemap's files: every public address in id order (old addresses keep their file), with
-- what its <lastmod> needs, read from the index alone, never from the rows with their text.
CREATE INDEX articles_sitemap ON articles (status, deleted_at, id, published_at, updated_at, modified_at, slug);

-- The evidence report's figures for each article (not pages, not the trash), worked out from its
-- text and references in the background when it changes (desk/EvidenceFigures): parsing 100,000
-- texts for each request took 336 s. modified_at is the article's when they were worked out; a
-- line whose article has changed since is worked out again before it is shown. Each order the
-- report offers reads its own index, so that a page of 50 is read from an index however many
-- articles there are. missed_rank and flagged_rank order by what was missed and flagged when the
-- article was last checked; the page shows them as they stand now.
CREATE TABLE evidence_figures (
    article_id         BIGINT           NOT NULL PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    modified_at        BIGINT           NOT NULL,
    title_key          VARCHAR(500)     NOT NULL,
    grade              DOUBLE PRECISION,
    grade_rank         DOUBLE PRECISION NOT NULL,
    reference_count    INTEGER          NOT NULL,
    with_identifier    INTEGER          NOT NULL,
    unmatched_mentions INTEGER          NOT NULL,
    attribution_met    BOOLEAN          NOT NULL,
    attribution_detail TEXT             NOT NULL,
    review_rank        VARCHAR(10)      NOT NULL,
    missed_rank        INTEGER          NOT NULL,
    flagged_rank       INTEGER          NOT NULL
);
CREATE INDEX evidence_figures_title ON evidence_figures (title_key, article_id);
CREATE INDEX evidence_figures_grade ON evidence_figures (grade_rank, article_id);
CREATE INDEX evidence_figures_references ON evidence_figures (reference_count, article_id);
CREATE INDEX evidence_figures_unmatched ON evidence_figures (unmatched_mentions, article_id);
CREATE INDEX evidence_figures_flagged ON evidence_figures (flagged_rank, article_id);
CREATE INDEX evidence_figures_missed ON evidence_figures (missed_rank, article_id);
CREATE INDEX evidence_figures_review ON evidence_figures (review_rank, article_id);
