-- Two-step sign-in (TOTP, RFC 6238) for staff accounts.
-- As in V1: ${identity} is the dialect's auto-increment key and instants are epoch milliseconds.

-- One row per account that has started enrolment; two-step sign-in is on once confirmed_at is set.
-- secret is the Base32 TOTP key: the server must compute codes from it, so it cannot be hashed.
-- last_step is the latest 30-second step whose code was accepted: a code of that step or an
-- earlier one is refused, so an overheard code cannot be replayed.
CREATE TABLE two_factor (
    user_id      BIGINT      PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    secret       VARCHAR(64) NOT NULL,
    started_at   BIGINT      NOT NULL,
    confirmed_at BIGINT,
    last_step    BIGINT      NOT NULL DEFAULT 0
);

-- Single-use recovery codes; only their SHA-256 is kept.
CREATE TABLE two_factor_recovery_codes (
    id        ${identity},
    user_id   BIGINT      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    code_hash VARCHAR(64) NOT NULL,
    used_at   BIGINT
);
CREATE INDEX two_factor_recovery_user ON two_factor_recovery_codes (user_id);

-- A correct password for an account with two-step sign-in: the browser holds the token (its
-- SHA-256 is kept here) until the code is given or the step expires.
CREATE TABLE sign_in_pending (
    token_hash VARCHAR(64) PRIMARY KEY,
    user_id    BIGINT      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    expires_at BIGINT      NOT NULL
);
CREATE INDEX sign_in_pending_expiry ON sign_in_pending (expires_at);
