-- Privacy: proof of consent, cookieless statistics and people's requests for their data.
-- As in V1: ${identity} keys, instants in epoch milliseconds, calendar days as ISO text.

-- Each consent choice (consent/ConsentService). consent_id is also in the visitor's cookie;
-- categories are the optional ones accepted, joined with '+' ('-' for none); address_hash is the
-- spam guard's salted hash of the network address, never the address itself.
CREATE TABLE consent_log (
    id             ${identity},
    consent_id     VARCHAR(43)  NOT NULL,
    created_at     BIGINT       NOT NULL,
    policy_version INTEGER      NOT NULL,
    categories     VARCHAR(200) NOT NULL,
    privacy_signal BOOLEAN      NOT NULL,
    address_hash   VARCHAR(64)  NOT NULL
);
CREATE INDEX consent_log_created ON consent_log (created_at);

-- Statistics are daily totals (stats/PageViews): kind is view (by path), referrer (by host),
-- search_miss (by search terms that found nothing) or visitors (the day's unique count, written
-- once the day's hashes are forgotten).
CREATE TABLE stats_daily (
    stat_day VARCHAR(10)  NOT NULL,
    kind     VARCHAR(20)  NOT NULL,
    item     VARCHAR(300) NOT NULL,
    hits     BIGINT       NOT NULL,
    PRIMARY KEY (stat_day, kind, item)
);
-- Today's visitors, each a hash of the day's salt, the address and the browser's name: it cannot
-- be linked to another day once that day's salt is deleted, and the rows go with it.
CREATE TABLE stats_visitors (
    stat_day VARCHAR(10) NOT NULL,
    visitor  VARCHAR(64) NOT NULL,
    PRIMARY KEY (stat_day, visitor)
);
-- One random salt a day, shared by every server of the site; older ones are deleted.
CREATE TABLE stats_salts (
    stat_day VARCHAR(10) NOT NULL PRIMARY KEY,
    salt     VARCHAR(64) NOT NULL
);

-- A person's requests to see or erase what the site holds under their address (privacy/).
-- email is cleared once the data is erased; email_hash (SHA-256 of the lower-cased address) stays,
-- so the admin can show that a request was honoured without keeping the address.
CREATE TABLE privacy_requests (
    id          ${identity},
    email       VARCHAR(320),
    email_hash  VARCHAR(64) NOT NULL,
    created_at  BIGINT      NOT NULL,
    exported_at BIGINT,
    erased_at   BIGINT,
    erased_rows INTEGER
);
CREATE INDEX privacy_requests_created ON privacy_requests (created_at);
