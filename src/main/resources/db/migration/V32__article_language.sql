-- The language each article and page is written in (a BCP 47 tag such as 'en', 'es', 'pt-BR'), and
-- the original it translates. Articles written before this were in the only language the site had:
-- English, the site's language until an administrator sets another.
-- translation_of always names the original of the group, never another translation, so a group is
-- the original and every article whose translation_of is its id.
ALTER TABLE articles ADD COLUMN lang VARCHAR(35) NOT NULL DEFAULT 'en';
ALTER TABLE articles ADD COLUMN translation_of BIGINT REFERENCES articles (id);
CREATE INDEX articles_translation_of ON articles (translation_of);
