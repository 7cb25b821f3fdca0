-- Mail that is never lost: every email is written here in the same transaction as the event that
-- causes it (a comment reply, a subscription), and a background sender delivers it. A row is
-- claimed by one sender at a time (claimed_until), so several servers never send it twice at once;
-- a failure sets the next attempt further away. sent_at marks delivery.
CREATE TABLE mail_outbox (
    id            ${identity},
    kind          VARCHAR(40)   NOT NULL,
    recipient     VARCHAR(320)  NOT NULL,
    subject       VARCHAR(500)  NOT NULL,
    text_body     TEXT          NOT NULL,
    html_body     TEXT,
    headers_json  TEXT          NOT NULL,
    created_at    BIGINT        NOT NULL,
    next_attempt  BIGINT        NOT NULL,
    attempts      INTEGER       NOT NULL DEFAULT 0,
    last_error    VARCHAR(1000),
    claimed_until BIGINT,
    sent_at       BIGINT
);
CREATE INDEX mail_outbox_due ON mail_outbox (sent_at, next_attempt);

-- Public forms (comments, contact, newsletter): what each address sent recently, for rate limits
-- shared by every server. Only a salted hash of the address is kept.
CREATE TABLE form_submissions (
    id           ${identity},
    form         VARCHAR(40) NOT NULL,
    address_hash VARCHAR(64) NOT NULL,
    created_at   BIGINT      NOT NULL
);
CREATE INDEX form_submissions_recent ON form_submissions (form, address_hash, created_at);
