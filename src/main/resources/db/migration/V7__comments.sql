-- Readers' comments under articles. As in V1: ${identity} keys, instants in epoch milliseconds.
-- parent_id is the thread's top-level comment (threads are two levels deep); reply_to_id is the
-- comment actually answered, whose writer is told of the reply when they asked to be.
-- The email is kept to tell its writer of replies and to recognise approved commenters; it is
-- never shown. The visitor's IP address is kept only as a salted hash (spam/FormGuard.hash).
-- body_html is body_md rendered and sanitized at submission (comment/CommentMarkdown).
CREATE TABLE comments (
    id            ${identity},
    article_id    BIGINT       NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    parent_id     BIGINT       REFERENCES comments (id) ON DELETE CASCADE,
    reply_to_id   BIGINT       REFERENCES comments (id) ON DELETE SET NULL,
    name          VARCHAR(100) NOT NULL,
    email         VARCHAR(254) NOT NULL,
    address_hash  VARCHAR(64),
    body_md       TEXT         NOT NULL,
    body_html     TEXT         NOT NULL,
    status        VARCHAR(10)  NOT NULL CHECK (status IN ('held', 'approved', 'rejected', 'spam')),
    status_reason VARCHAR(200),
    notify        BOOLEAN      NOT NULL DEFAULT FALSE,
    staff_user_id BIGINT       REFERENCES users (id) ON DELETE SET NULL,
    created_at    BIGINT       NOT NULL,
    approved_at   BIGINT
);
-- The article page: its approved comments in order.
CREATE INDEX comments_article ON comments (article_id, status, created_at);
-- The moderation queue by status, newest first.
CREATE INDEX comments_status ON comments (status, created_at);
-- "Has this address had a comment approved before?"
CREATE INDEX comments_email ON comments (email, status);
