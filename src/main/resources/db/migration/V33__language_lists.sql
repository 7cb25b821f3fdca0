-- Lists in one language (issue 23): the home page, feed and archives of each language read their
-- page from an index, as the lists of all languages do (V21's articles_public and articles_sticky),
-- and the languages that have a home are read from the same index alone.
CREATE INDEX articles_language_public ON articles (lang, kind, status, deleted_at, published_at, sticky);
CREATE INDEX articles_language_sticky ON articles (lang, kind, status, deleted_at, published_at) WHERE sticky = TRUE;
