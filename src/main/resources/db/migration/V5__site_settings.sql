-- What the admin's settings pages change: the site's identity, nested menus, renamed categories
-- and fuller author profiles. As in V1: ${identity} keys, instants in epoch milliseconds.

-- The site's title, tagline and footer text as an administrator set them; a missing row means
-- "not set here" (the title then comes from the configuration: VERTEBRA_SITE_TITLE or its default).
CREATE TABLE site_settings (
    name       VARCHAR(100) PRIMARY KEY,
    value      TEXT         NOT NULL,
    updated_at BIGINT       NOT NULL
);

-- One level of nesting: an item may sit under a top-level item of the same menu. Positions
-- order the items that share a parent (or the top level).
ALTER TABLE menu_items ADD COLUMN parent_id BIGINT REFERENCES menu_items (id);

-- Earlier addresses of renamed categories; /category/{old}/ answers 301 to the current one.
CREATE TABLE category_redirects (
    old_slug    VARCHAR(200) PRIMARY KEY,
    category_id BIGINT       NOT NULL REFERENCES categories (id) ON DELETE CASCADE,
    created_at  BIGINT       NOT NULL
);

-- An author's profile links besides the website (ORCID, PubMed, a hospital page): https
-- addresses, one per line, in the order shown.
ALTER TABLE authors ADD COLUMN links TEXT;
