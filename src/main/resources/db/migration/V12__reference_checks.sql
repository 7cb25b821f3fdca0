-- Retraction checks of references (issue 11). As in V1: instants in epoch milliseconds.

-- The last answer about one identifier ("doi:10.1234/abcd" in lower case, or "pmid:12345678"),
-- shared by every article that cites it. outcome: checked (notices may be empty), unknown (the
-- service does not know it) or failed (it could not say; failure holds why, and it is asked again
-- at the next round). notices: one a line, kind TAB notice TAB source. A server claims an
-- identifier for a check by one conditional UPDATE of claimed_until, so several servers never
-- check the same one at once.
CREATE TABLE reference_checks (
    identifier    VARCHAR(320) NOT NULL PRIMARY KEY,
    outcome       VARCHAR(20)  NOT NULL,
    notices       TEXT         NOT NULL,
    failure       TEXT,
    checked_at    BIGINT       NOT NULL,
    claimed_until BIGINT       NOT NULL
);
CREATE INDEX reference_checks_checked ON reference_checks (checked_at);

-- Each retraction or withdrawal notice the editors were told of, once per identifier and notice,
-- whichever server found it first (the primary key decides).
CREATE TABLE retraction_alerts (
    identifier VARCHAR(320)  NOT NULL,
    notice     VARCHAR(1000) NOT NULL,
    alerted_at BIGINT        NOT NULL,
    PRIMARY KEY (identifier, notice)
);
