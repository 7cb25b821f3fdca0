-- The reading site: authors, taxonomy, articles and pages, references, revisions, media, menus.
-- One set of migrations for SQLite and PostgreSQL: ${identity} is the dialect's auto-increment key,
-- instants are epoch milliseconds (BIGINT) and calendar dates ISO-8601 text, so both databases
-- compare and sort them the same way.

CREATE TABLE media (
    id            ${identity},
    path          VARCHAR(400) NOT NULL UNIQUE,
    original_name VARCHAR(400) NOT NULL,
    content_type  VARCHAR(100) NOT NULL,
    byte_size     BIGINT       NOT NULL,
    width         INTEGER,
    height        INTEGER,
    sha256        VARCHAR(64)  NOT NULL,
    alt           VARCHAR(1000),
    created_at    BIGINT       NOT NULL
);
CREATE INDEX media_sha256 ON media (sha256);

CREATE TABLE authors (
    id          ${identity},
    slug        VARCHAR(200) NOT NULL UNIQUE,
    name        VARCHAR(200) NOT NULL,
    credentials VARCHAR(200),
    bio         TEXT,
    photo_id    BIGINT REFERENCES media (id),
    website     VARCHAR(500),
    created_at  BIGINT       NOT NULL
);

CREATE TABLE categories (
    id          ${identity},
    slug        VARCHAR(200) NOT NULL UNIQUE,
    name        VARCHAR(200) NOT NULL,
    description TEXT,
    created_at  BIGINT       NOT NULL
);

CREATE TABLE tags (
    id         ${identity},
    slug       VARCHAR(200) NOT NULL UNIQUE,
    name       VARCHAR(200) NOT NULL,
    created_at BIGINT       NOT NULL
);

-- kind: 'post' (an article, listed in archives) or 'page' (a static page such as /about/).
CREATE TABLE articles (
    id           ${identity},
    kind         VARCHAR(10)  NOT NULL CHECK (kind IN ('post', 'page')),
    slug         VARCHAR(200) NOT NULL UNIQUE,
    title        VARCHAR(500) NOT NULL,
    summary      TEXT,
    body_md      TEXT         NOT NULL,
    body_html    TEXT         NOT NULL,
    toc_json     TEXT         NOT NULL,
    plain_text   TEXT         NOT NULL,
    author_id    BIGINT REFERENCES authors (id),
    image_id     BIGINT REFERENCES media (id),
    status       VARCHAR(20)  NOT NULL CHECK (status IN ('draft', 'published')),
    published_at BIGINT       NOT NULL,
    updated_at   BIGINT,
    reviewed_by  VARCHAR(200),
    reviewed_on  VARCHAR(10),
    disclosure   TEXT,
    demo         BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at   BIGINT       NOT NULL,
    modified_at  BIGINT       NOT NULL
);
CREATE INDEX articles_listing ON articles (kind, status, published_at);
CREATE INDEX articles_author ON articles (author_id, status, published_at);

CREATE TABLE article_categories (
    article_id  BIGINT  NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    category_id BIGINT  NOT NULL REFERENCES categories (id),
    position    INTEGER NOT NULL,
    PRIMARY KEY (article_id, category_id)
);
CREATE INDEX article_categories_category ON article_categories (category_id);

CREATE TABLE article_tags (
    article_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    tag_id     BIGINT NOT NULL REFERENCES tags (id),
    PRIMARY KEY (article_id, tag_id)
);
CREATE INDEX article_tags_tag ON article_tags (tag_id);

CREATE TABLE article_references (
    article_id BIGINT  NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    text       TEXT    NOT NULL,
    doi        VARCHAR(300),
    pmid       VARCHAR(20),
    url        VARCHAR(2000),
    PRIMARY KEY (article_id, position)
);

-- Every earlier text of an article, kept when it is replaced.
CREATE TABLE article_revisions (
    id         ${identity},
    article_id BIGINT       NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    title      VARCHAR(500) NOT NULL,
    summary    TEXT,
    body_md    TEXT         NOT NULL,
    created_at BIGINT       NOT NULL
);
CREATE INDEX article_revisions_article ON article_revisions (article_id, created_at);

-- Old slugs that answer with a 301 to the article's current address.
CREATE TABLE slug_redirects (
    old_slug   VARCHAR(200) PRIMARY KEY,
    article_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL
);

-- Menus are data: 'primary' (site menu) and 'categories' (category bar).
CREATE TABLE menu_items (
    id       ${identity},
    menu     VARCHAR(40)  NOT NULL,
    position INTEGER      NOT NULL,
    label    VARCHAR(200) NOT NULL,
    url      VARCHAR(500) NOT NULL,
    UNIQUE (menu, url)
);

-- A counter bumped in the same transaction as every content change; servers poll it to drop
-- their page caches, so a change made by another process (an import) shows within a second.
CREATE TABLE content_version (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    version BIGINT  NOT NULL
);
INSERT INTO content_version (id, version) VALUES (1, 0);

INSERT INTO menu_items (menu, position, label, url) VALUES ('primary', 0, 'Home', '/');

-- Facts about this installation, such as whether the first run has set it up.
CREATE TABLE site_state (
    name  VARCHAR(100) PRIMARY KEY,
    value TEXT         NOT NULL
);
