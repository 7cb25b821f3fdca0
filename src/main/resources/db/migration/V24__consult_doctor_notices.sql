-- Calendar files (consult/CalendarInvite): the SEQUENCE of a consultation's invitation, grown by
-- every move and cancellation, so that a calendar program replaces the earlier version however
-- quickly the changes follow each other (RFC 5545 3.8.7.4).
ALTER TABLE consult_bookings ADD COLUMN calendar_sequence INTEGER NOT NULL DEFAULT 0;

-- The doctor's morning agenda mail (consult/MorningAgenda): the hour in the doctor's zone at which
-- it goes out (NULL: the doctor has not asked for it), and the last date it went out for, which a
-- server claims with a conditional UPDATE so that several servers send it once.
ALTER TABLE consult_doctors ADD COLUMN agenda_mail_hour INTEGER CHECK (agenda_mail_hour BETWEEN 0 AND 23);
ALTER TABLE consult_doctors ADD COLUMN agenda_mail_sent_on VARCHAR(10);
