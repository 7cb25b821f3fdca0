-- Two-step sign-in's keys and recovery codes are sealed under the site's key (account/TwoFactorSeal):
-- a sealed value is longer than the 64 characters V18 allowed. Neither SQLite nor PostgreSQL share
-- a way to widen a column, so both tables are made again with wider ones and their rows copied.
-- The values copied are still in the clear; the server seals them when it starts.

CREATE TABLE two_factor_sealed (
    user_id      BIGINT       PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    secret       VARCHAR(255) NOT NULL,
    started_at   BIGINT       NOT NULL,
    confirmed_at BIGINT,
    last_step    BIGINT       NOT NULL DEFAULT 0
);
INSERT INTO two_factor_sealed (user_id, secret, started_at, confirmed_at, last_step)
    SELECT user_id, secret, started_at, confirmed_at, last_step FROM two_factor;
DROP TABLE two_factor;
ALTER TABLE two_factor_sealed RENAME TO two_factor;

CREATE TABLE two_factor_recovery_sealed (
    id        ${identity},
    user_id   BIGINT       NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    code_hash VARCHAR(255) NOT NULL,
    used_at   BIGINT
);
INSERT INTO two_factor_recovery_sealed (user_id, code_hash, used_at)
    SELECT user_id, code_hash, used_at FROM two_factor_recovery_codes ORDER BY id;
DROP TABLE two_factor_recovery_codes;
ALTER TABLE two_factor_recovery_sealed RENAME TO two_factor_recovery_codes;
CREATE INDEX two_factor_recovery_user ON two_factor_recovery_codes (user_id);
