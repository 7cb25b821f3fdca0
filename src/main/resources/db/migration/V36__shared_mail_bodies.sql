-- A newsletter of 100,000 subscribers without 100,000 copies of its digest (issue 17).

-- The content of a mail sent alike to many: stored once, with slots ({{fill-...:name}}) that each
-- recipient's values fill when the mail is sent. share_key names it for its sender (one digest's
-- batches all find the same body); used_at is when a batch last referred to it, so that the mail
-- chore never deletes a body a batch is about to use.
CREATE TABLE mail_bodies (
    id           ${identity},
    share_key    VARCHAR(200) NOT NULL UNIQUE,
    subject      VARCHAR(500) NOT NULL,
    text_body    TEXT         NOT NULL,
    html_body    TEXT,
    headers_json TEXT         NOT NULL,
    created_at   BIGINT       NOT NULL,
    used_at      BIGINT       NOT NULL
);

-- A mail of a shared body keeps subject and text_body empty (both stay NOT NULL: SQLite cannot
-- change a column's constraint in place) and holds the body's id and its recipient's values.
ALTER TABLE mail_outbox ADD COLUMN body_id BIGINT REFERENCES mail_bodies (id);
ALTER TABLE mail_outbox ADD COLUMN fill_json TEXT;
CREATE INDEX mail_outbox_body ON mail_outbox (body_id);
