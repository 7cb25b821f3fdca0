-- The media library's files, when they are kept in the database (the default on PostgreSQL, so
-- that every node serves every upload). A path is written once and never changed.
CREATE TABLE media_files (
    path       VARCHAR(400) PRIMARY KEY,
    bytes      ${blob} NOT NULL,
    byte_size  BIGINT NOT NULL,
    stored_at  BIGINT NOT NULL
);
