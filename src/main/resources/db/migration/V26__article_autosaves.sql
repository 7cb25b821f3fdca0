-- The editor's autosave of a published (or scheduled) article (desk/Autosaves): what one writer
-- has typed but not saved, kept on the server without touching the article readers see. One slot
-- per article and account, replaced by each autosave and removed when that writer saves the
-- article or discards it. fields holds the editor's form fields as a JSON object.
CREATE TABLE article_autosaves (
    article_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    user_id    BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    saved_at   BIGINT NOT NULL,
    fields     TEXT   NOT NULL,
    PRIMARY KEY (article_id, user_id)
);
