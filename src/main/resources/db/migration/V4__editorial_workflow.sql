-- The editorial workflow on top of draft and published:
--   in review  = a draft whose author asked for review (review_requested_at set);
--   scheduled  = published with a publishing time still to come (no column: time decides);
--   trash      = deleted_at set; restorable for 30 days, then purged.
ALTER TABLE articles ADD COLUMN review_requested_at BIGINT;
ALTER TABLE articles ADD COLUMN deleted_at BIGINT;
CREATE INDEX articles_trash ON articles (deleted_at);

-- Who made each revision, as a name, so the history reads well even after an account is removed.
ALTER TABLE article_revisions ADD COLUMN saved_by VARCHAR(200);

-- The account that looks after an article on the desk (its creator, unless handed over): authors
-- may edit the articles they own. Imported articles have none until an editor assigns one.
ALTER TABLE articles ADD COLUMN owner_user_id BIGINT REFERENCES users (id);

-- The byline profile an account writes under, offered first when it starts an article.
ALTER TABLE users ADD COLUMN author_id BIGINT REFERENCES authors (id);

-- Who saved the current text; it moves to the revision when the text is replaced.
ALTER TABLE articles ADD COLUMN saved_by VARCHAR(200);

-- Medical review: the reviewer an editor assigned, and the notes reviewers and writers leave on
-- a draft. Signing off writes reviewed_by and reviewed_on, which the article page shows.
ALTER TABLE articles ADD COLUMN reviewer_user_id BIGINT REFERENCES users (id);
CREATE TABLE article_notes (
    id         ${identity},
    article_id BIGINT       NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    user_id    BIGINT       REFERENCES users (id),
    user_name  VARCHAR(200) NOT NULL,
    body       TEXT         NOT NULL,
    sign_off   BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at BIGINT       NOT NULL
);
CREATE INDEX article_notes_article ON article_notes (article_id, created_at);
