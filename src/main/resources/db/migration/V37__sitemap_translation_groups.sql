-- The sitemap's hreflang alternates (issue 17): which of a file's 50,000 addresses belong to a
-- translation group, and the group's public members, read from indexes alone.

-- The file's addresses carry the original they translate, so the slice of a file reads it from
-- the index in id order as the addresses themselves are read (it walked articles_published and
-- sorted the slice, then read each row past its text for translation_of).
DROP INDEX articles_sitemap;
CREATE INDEX articles_sitemap ON articles (status, deleted_at, id, published_at, updated_at, modified_at, slug,
                                           translation_of);

-- A group's public translations: with the public conditions in the index, SQLite (which keeps no
-- statistics here) looks each group up instead of reading every public article for each group.
DROP INDEX articles_translation_of;
CREATE INDEX articles_translation_of ON articles (translation_of, status, deleted_at, published_at);
