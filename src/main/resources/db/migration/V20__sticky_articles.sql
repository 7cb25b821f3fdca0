-- Sticky posts (WordPress's "Stick to the top of the blog"): a sticky post stays first on the
-- first page of the home listing, before the others in date order.
ALTER TABLE articles ADD COLUMN sticky BOOLEAN NOT NULL DEFAULT FALSE;
