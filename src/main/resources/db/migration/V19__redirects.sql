-- Redirects an editor manages (what WordPress's "Redirection" plug-in kept), and the log of
-- addresses that answered 404, to turn into redirects. As in V1: ${identity} keys, instants in
-- epoch milliseconds.

-- source_path is normalised (decoded, one slash at the end unless it names a file, no query).
-- kind 301 leads to target (a path on this site or an https address); 410 says the page is gone
-- and has no target. hits and last_hit_at are counted in batches off the request path.
CREATE TABLE redirects (
    id            ${identity},
    source_path   VARCHAR(500)  NOT NULL UNIQUE,
    target        VARCHAR(1000),
    kind          INTEGER       NOT NULL,
    note          VARCHAR(1000),
    created_by    VARCHAR(200)  NOT NULL,
    created_at    BIGINT        NOT NULL,
    updated_by    VARCHAR(200)  NOT NULL,
    updated_at    BIGINT        NOT NULL,
    hits          BIGINT        NOT NULL DEFAULT 0,
    last_hit_at   BIGINT,
    CHECK (kind IN (301, 410)),
    CHECK (kind = 410 OR target IS NOT NULL)
);

-- One row per path that was not found, aggregated: how often, first and last seen, and the host
-- of the last referrer only (no full referrer, no visitor address). Housekeeping keeps the most
-- recent rows only.
CREATE TABLE not_found_paths (
    path          VARCHAR(500)  PRIMARY KEY,
    hits          BIGINT        NOT NULL,
    first_seen_at BIGINT        NOT NULL,
    last_seen_at  BIGINT        NOT NULL,
    referrer_host VARCHAR(255)
);
CREATE INDEX not_found_paths_last_seen ON not_found_paths (last_seen_at);
CREATE INDEX not_found_paths_hits ON not_found_paths (hits);
