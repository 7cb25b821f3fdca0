-- Prescribed reading (reading/): articles a doctor chose for a patient, opened through a signed
-- link to a private page until expires_at (a site setting at sending time), then purged.
-- A list names the patient's condition by its articles, so the patient's address and the doctor's
-- note are sealed under the health data key as consultation notes are (TEXT, v1.KEYID.BASE64);
-- email_hash (an HMAC of the lower-cased address under the site's reading secret) finds a
-- person's lists for their data download and erasure without opening every row.
-- token_hash is the SHA-256 of the link's random token: the database alone opens no list.
-- sent_by is the account that sent it (a doctor sees only theirs), sent_by_name its name then,
-- shown to the patient; booking_id the consultation it was sent from, when it was.
-- Instants in epoch milliseconds, as in V1.
CREATE TABLE reading_lists (
    id              ${identity},
    token_hash      VARCHAR(64)  NOT NULL UNIQUE,
    email_hash      VARCHAR(64)  NOT NULL,
    email_sealed    TEXT         NOT NULL,
    note_sealed     TEXT,
    sent_by         BIGINT       REFERENCES users (id) ON DELETE SET NULL,
    sent_by_name    VARCHAR(200) NOT NULL,
    booking_id      BIGINT,
    sent_at         BIGINT       NOT NULL,
    expires_at      BIGINT       NOT NULL,
    first_opened_at BIGINT
);
CREATE INDEX reading_lists_email ON reading_lists (email_hash);
CREATE INDEX reading_lists_sender ON reading_lists (sent_by, sent_at);
CREATE INDEX reading_lists_expiry ON reading_lists (expires_at);

-- The articles of a list in the doctor's order; an article deleted for good leaves its lists.
CREATE TABLE reading_list_articles (
    list_id    BIGINT  NOT NULL REFERENCES reading_lists (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    article_id BIGINT  NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    PRIMARY KEY (list_id, position)
);
CREATE INDEX reading_list_articles_article ON reading_list_articles (article_id);
