-- Accounts of the editorial desk: users and their roles, sessions shared by every server,
-- sign-in failures for throttling, and single-use password reset links.
-- As in V1: ${identity} is the dialect's auto-increment key and instants are epoch milliseconds.

-- email is stored lower-cased, so UNIQUE compares addresses without regard to case.
-- password_hash is a self-describing Argon2id string ($argon2id$v=19$m=...,t=...,p=...$salt$hash).
CREATE TABLE users (
    id                  ${identity},
    email               VARCHAR(320) NOT NULL UNIQUE,
    name                VARCHAR(200) NOT NULL,
    role                VARCHAR(20)  NOT NULL CHECK (role IN ('admin', 'editor', 'author', 'reviewer', 'doctor')),
    password_hash       VARCHAR(200) NOT NULL,
    disabled            BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at          BIGINT       NOT NULL,
    password_changed_at BIGINT       NOT NULL
);

-- Only a SHA-256 of each session's token is kept: a copy of this table signs nobody in.
-- A session ends at expires_at (absolute) or when idle for too long after last_seen_at.
CREATE TABLE sessions (
    token_hash   VARCHAR(64) PRIMARY KEY,
    user_id      BIGINT      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at   BIGINT      NOT NULL,
    last_seen_at BIGINT      NOT NULL,
    expires_at   BIGINT      NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expiry ON sessions (expires_at);

-- Failed sign-ins by key: 'account:' + email or 'address:' + client address.
CREATE TABLE sign_in_failures (
    throttle_key    VARCHAR(400) PRIMARY KEY,
    failures        INTEGER      NOT NULL,
    last_failure_at BIGINT       NOT NULL,
    locked_until    BIGINT       NOT NULL
);

-- A link sent by mail lets its holder choose a new password once, before it expires.
CREATE TABLE password_resets (
    token_hash VARCHAR(64) PRIMARY KEY,
    user_id    BIGINT      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at BIGINT      NOT NULL,
    expires_at BIGINT      NOT NULL,
    used_at    BIGINT
);
CREATE INDEX password_resets_user ON password_resets (user_id);
