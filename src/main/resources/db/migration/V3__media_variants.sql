-- Smaller copies of each library image, made on upload and offered to browsers in srcset.
-- A variant is a file beside its original; deleting the original's row deletes its variants' rows.
CREATE TABLE media_variants (
    media_id     BIGINT       NOT NULL REFERENCES media (id) ON DELETE CASCADE,
    name         VARCHAR(20)  NOT NULL CHECK (name IN ('thumbnail', 'medium', 'large')),
    path         VARCHAR(400) NOT NULL UNIQUE,
    content_type VARCHAR(100) NOT NULL,
    byte_size    BIGINT       NOT NULL,
    width        INTEGER      NOT NULL,
    height       INTEGER      NOT NULL,
    PRIMARY KEY (media_id, name)
);

-- An animated GIF, PNG or WebP keeps its animation; its variants are stills of the first frame,
-- so pages do not offer them in place of the original.
ALTER TABLE media ADD COLUMN animated BOOLEAN NOT NULL DEFAULT FALSE;
