-- Readers' side of the site: newsletter subscribers with double opt-in, the digests sent to them,
-- and messages from the contact form. As in V1: ${identity} keys, instants in epoch milliseconds.

-- One row an address (stored lower-cased). status: pending (asked, not confirmed), confirmed, or
-- unsubscribed. The confirmation link's token is kept only as its SHA-256, with its expiry, and is
-- cleared once used. Unsubscribe links are an HMAC of the row's id and unsubscribe_key under the
-- site's newsletter secret, so a copy of this table yields no working link.
CREATE TABLE subscribers (
    id                 ${identity},
    email              VARCHAR(320) NOT NULL UNIQUE,
    status             VARCHAR(20)  NOT NULL,
    confirm_hash       VARCHAR(64),
    confirm_expires_at BIGINT,
    confirm_sent_at    BIGINT,
    unsubscribe_key    VARCHAR(64)  NOT NULL,
    source             VARCHAR(20)  NOT NULL,
    created_at         BIGINT       NOT NULL,
    confirmed_at       BIGINT,
    unsubscribed_at    BIGINT
);
CREATE INDEX subscribers_confirm ON subscribers (confirm_hash);
CREATE INDEX subscribers_status ON subscribers (status);

-- Each digest sent: the period it covers, the articles in it and how many it went to.
-- follows_digest (0 for the first) is unique, so two servers can never send the same digest twice.
CREATE TABLE newsletter_digests (
    id             ${identity},
    follows_digest BIGINT      NOT NULL UNIQUE,
    period_start   BIGINT      NOT NULL,
    period_end     BIGINT      NOT NULL,
    article_ids    TEXT        NOT NULL,
    recipients     INTEGER     NOT NULL,
    sent_at        BIGINT      NOT NULL
);

-- Messages sent with the contact form. address_hash is the sender's network address, salted and
-- hashed as the spam guard keeps it; read_at marks the ones someone has read.
CREATE TABLE contact_messages (
    id           ${identity},
    topic        VARCHAR(40)   NOT NULL,
    name         VARCHAR(200)  NOT NULL,
    email        VARCHAR(320)  NOT NULL,
    message      TEXT          NOT NULL,
    address_hash VARCHAR(64)   NOT NULL,
    created_at   BIGINT        NOT NULL,
    read_at      BIGINT
);
CREATE INDEX contact_messages_unread ON contact_messages (read_at, created_at);
