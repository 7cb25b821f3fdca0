-- The editor's answers to the PEMAT-P items of an article (pemat/PematService): one row per item
-- the editor rated themself; an item without a row is rated by Vertebra from the text, or not yet.
-- item is the tool's own item number (1 to 26, without 13 and 14). answered_by is the account's
-- name as it signs saves (articles.saved_by); answered_at an instant in epoch milliseconds, as in V1.
-- The answers go with the article: deleted with it for good (the trash keeps them).
CREATE TABLE pemat_answers (
    article_id  BIGINT       NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    item        INTEGER      NOT NULL CHECK (item BETWEEN 1 AND 26),
    rating      VARCHAR(8)   NOT NULL CHECK (rating IN ('agree', 'disagree', 'na')),
    answered_by VARCHAR(200),
    answered_at BIGINT       NOT NULL,
    PRIMARY KEY (article_id, item)
);
