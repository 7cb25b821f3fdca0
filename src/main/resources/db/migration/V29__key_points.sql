-- An article's "Key points" and "What you can do" lists (front matter key_points: and actions:,
-- the editor's two boxes), each a JSON array of short strings, shown at the top of the article,
-- in its handout and in its structured data. NULL for an article that has none: an import from
-- WordPress, and every article written before this.
ALTER TABLE articles ADD COLUMN key_points_json TEXT;
ALTER TABLE articles ADD COLUMN actions_json TEXT;
