-- TeleConsult: doctors' availability, bookings of video consultations, who looked at intake data.
-- As in V1: ${identity} is the dialect's auto-increment key, instants are epoch milliseconds,
-- calendar dates ISO-8601 text, times of day minutes after midnight in the doctor's zone.

-- One schedule per doctor. user_id links the schedule to the account (role doctor) that keeps it;
-- author_id to the public author profile, when there is one. booking_version is bumped by every
-- booking, so bookings for one doctor queue behind each other (a row lock on PostgreSQL).
CREATE TABLE consult_doctors (
    id              ${identity},
    slug            VARCHAR(200) NOT NULL UNIQUE,
    name            VARCHAR(200) NOT NULL,
    time_zone       VARCHAR(64)  NOT NULL,
    slot_minutes    INTEGER      NOT NULL CHECK (slot_minutes IN (15, 20, 30)),
    buffer_minutes  INTEGER      NOT NULL DEFAULT 0,
    notice_minutes  INTEGER      NOT NULL DEFAULT 240,
    horizon_days    INTEGER      NOT NULL DEFAULT 30,
    user_id         BIGINT       REFERENCES users (id) ON DELETE SET NULL,
    author_id       BIGINT       REFERENCES authors (id) ON DELETE SET NULL,
    active          BOOLEAN      NOT NULL DEFAULT TRUE,
    booking_version BIGINT       NOT NULL DEFAULT 0,
    created_at      BIGINT       NOT NULL
);

-- Weekly hours: day_of_week 1 (Monday) to 7 (Sunday).
CREATE TABLE consult_hours (
    id           ${identity},
    doctor_id    BIGINT  NOT NULL REFERENCES consult_doctors (id) ON DELETE CASCADE,
    day_of_week  INTEGER NOT NULL CHECK (day_of_week BETWEEN 1 AND 7),
    start_minute INTEGER NOT NULL,
    end_minute   INTEGER NOT NULL,
    CHECK (start_minute < end_minute)
);
CREATE INDEX consult_hours_doctor ON consult_hours (doctor_id);

-- A date that differs from the week: a day off (no minutes), or extra hours on that date.
CREATE TABLE consult_exceptions (
    id           ${identity},
    doctor_id    BIGINT      NOT NULL REFERENCES consult_doctors (id) ON DELETE CASCADE,
    on_date      VARCHAR(10) NOT NULL,
    start_minute INTEGER,
    end_minute   INTEGER
);
CREATE INDEX consult_exceptions_doctor ON consult_exceptions (doctor_id, on_date);

-- A booked consultation. intake and notes are AES-GCM ciphertext (HealthDataCipher); name, email
-- and phone stay readable for mail and look-ups (docs/decisions.md). The partial unique index is
-- the guarantee against double booking: one active booking per doctor and start, whatever server.
CREATE TABLE consult_bookings (
    id              ${identity},
    doctor_id       BIGINT       NOT NULL REFERENCES consult_doctors (id),
    start_at        BIGINT       NOT NULL,
    end_at          BIGINT       NOT NULL,
    patient_name    VARCHAR(200) NOT NULL,
    patient_email   VARCHAR(320) NOT NULL,
    patient_phone   VARCHAR(40)  NOT NULL,
    patient_zone    VARCHAR(64)  NOT NULL,
    intake          TEXT,
    notes           TEXT,
    room            VARCHAR(100) NOT NULL,
    status          VARCHAR(20)  NOT NULL DEFAULT 'booked' CHECK (status IN ('booked', 'done', 'no_show')),
    created_at      BIGINT       NOT NULL,
    cancelled_at    BIGINT,
    reminder_24h_at BIGINT,
    reminder_1h_at  BIGINT,
    erased_at       BIGINT
);
CREATE UNIQUE INDEX consult_bookings_one_per_slot ON consult_bookings (doctor_id, start_at) WHERE cancelled_at IS NULL;
CREATE INDEX consult_bookings_start ON consult_bookings (start_at);
CREATE INDEX consult_bookings_email ON consult_bookings (patient_email);

-- Every time someone opened a consultation's intake answers or notes.
CREATE TABLE consult_intake_views (
    id         ${identity},
    booking_id BIGINT       NOT NULL REFERENCES consult_bookings (id) ON DELETE CASCADE,
    user_id    BIGINT       REFERENCES users (id) ON DELETE SET NULL,
    user_name  VARCHAR(200) NOT NULL,
    viewed_at  BIGINT       NOT NULL
);
CREATE INDEX consult_intake_views_time ON consult_intake_views (viewed_at);

-- Mail attachments (the consultation's ICS invitation): JSON list of {name, type, text}.
ALTER TABLE mail_outbox ADD COLUMN attachments_json TEXT;
