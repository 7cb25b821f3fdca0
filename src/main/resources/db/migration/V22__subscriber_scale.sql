-- A newsletter of 100,000 subscribers (issue 17).

-- How many subscribers each status has, kept by the newsletter's repository in the transaction of
-- every change, so the admin shows the counts without counting the list on every page view.
CREATE TABLE subscriber_counts (
    status VARCHAR(20) PRIMARY KEY,
    n      BIGINT      NOT NULL
);
INSERT INTO subscriber_counts (status, n) SELECT status, COUNT(*) FROM subscribers GROUP BY status;

-- The admin's list of one status, newest first, and the digest's batches of confirmed subscribers
-- in id order, both read straight from this index.
CREATE INDEX subscribers_status_id ON subscribers (status, id);
DROP INDEX subscribers_status;

-- A digest is recorded at once and its mails are written to the outbox afterwards, a batch at a
-- time: enqueued_through is the last subscriber id done, enqueued how many mails so far, and
-- enqueued_at when the last batch was written (digests before this migration were written whole).
ALTER TABLE newsletter_digests ADD COLUMN enqueued_through BIGINT NOT NULL DEFAULT 0;
ALTER TABLE newsletter_digests ADD COLUMN enqueued INTEGER NOT NULL DEFAULT 0;
ALTER TABLE newsletter_digests ADD COLUMN enqueued_at BIGINT;
UPDATE newsletter_digests SET enqueued = recipients, enqueued_at = sent_at;

-- The sender takes the oldest due mails in (next_attempt, id) order; with the id in the index,
-- PostgreSQL reads the first few of 100,000 waiting mails instead of sorting them all.
CREATE INDEX mail_outbox_waiting ON mail_outbox (sent_at, next_attempt, id);
DROP INDEX mail_outbox_due;
