-- Doctors are attached to accounts by an administrator (consult/ConsultAdminRoutes): the schedule
-- keeps the credentials shown after the doctor's name on the booking page, such as "FRCS (Orth)".
ALTER TABLE consult_doctors ADD COLUMN credentials VARCHAR(200) NOT NULL DEFAULT '';
