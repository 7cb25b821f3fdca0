-- The language a patient booked in (a BCP 47 tag such as 'en', 'es'): every later mail, the
-- calendar invitation and the pages the mail's links open speak it, and the doctor's agenda shows it.
-- Bookings made before this were made on pages in the site's language: the one an administrator
-- set under Settings (site_settings 'site.language'), else English, the default.
ALTER TABLE consult_bookings ADD COLUMN lang VARCHAR(35) NOT NULL DEFAULT 'en';
UPDATE consult_bookings SET lang = (SELECT value FROM site_settings WHERE name = 'site.language')
 WHERE EXISTS (SELECT 1 FROM site_settings WHERE name = 'site.language');
