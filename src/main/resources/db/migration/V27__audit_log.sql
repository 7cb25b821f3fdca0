-- The audit log (audit/): one row per security-relevant event, in UTC epoch milliseconds. The
-- actor is an account (id and name at the time) or 'anonymous' with a salted hash of the network
-- address, never the address. No column holds a secret or health data: the action and the object
-- say what happened and to what, detail names a setting or a count, never a value.
-- Rows are chained: hash = SHA-256(prev_hash, the row's canonical content), and prev_hash is the
-- hash of the row before (seq - 1), so a row changed or removed by hand breaks the chain there.
CREATE TABLE audit_events (
    seq          BIGINT       NOT NULL PRIMARY KEY,
    occurred_at  BIGINT       NOT NULL,
    actor_id     BIGINT,
    actor_name   VARCHAR(200) NOT NULL,
    address_hash VARCHAR(64),
    action       VARCHAR(40)  NOT NULL,
    object_type  VARCHAR(40),
    object_id    VARCHAR(100),
    detail       VARCHAR(300),
    outcome      VARCHAR(10)  NOT NULL,
    request_id   VARCHAR(64),
    prev_hash    VARCHAR(64)  NOT NULL,
    hash         VARCHAR(64)  NOT NULL
);
CREATE INDEX audit_events_occurred ON audit_events (occurred_at);
CREATE INDEX audit_events_action ON audit_events (action, seq);

-- The end of the chain: one row that every append locks (an UPDATE, so that two servers on one
-- PostgreSQL append one after the other) and moves on, so that rows cut from the end are noticed.
CREATE TABLE audit_head (
    name      VARCHAR(20) NOT NULL PRIMARY KEY,
    last_seq  BIGINT      NOT NULL,
    last_hash VARCHAR(64) NOT NULL
);
INSERT INTO audit_head (name, last_seq, last_hash)
VALUES ('chain', 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- What pruning leaves: the last removed row's seq and hash, signed (HMAC-SHA256 under a key made
-- from the site's health data key, which lives outside the database), so the chain that remains
-- is checked from there. The newest checkpoint is the one in force.
CREATE TABLE audit_checkpoints (
    id          ${identity},
    last_seq    BIGINT      NOT NULL,
    last_hash   VARCHAR(64) NOT NULL,
    pruned_at   BIGINT      NOT NULL,
    pruned_rows BIGINT      NOT NULL,
    signature   VARCHAR(64) NOT NULL
);
