-- Background work that must run on one node at a time (housekeeping, digests) is claimed with a
-- lease: the node that holds an unexpired row runs the job; when it dies, the lease runs out and
-- another node takes the job over.
CREATE TABLE job_leases (
    name        VARCHAR(100) PRIMARY KEY,
    holder      VARCHAR(200) NOT NULL,
    expires_at  BIGINT NOT NULL,
    runs        BIGINT NOT NULL DEFAULT 0
);
