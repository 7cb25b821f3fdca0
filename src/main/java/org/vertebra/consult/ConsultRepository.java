package org.vertebra.consult;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.vertebra.language.Language;

/** TeleConsult's SQL: doctors and their hours, bookings, and the log of who read intake data. */
final class ConsultRepository {

    private static final String DOCTOR = """
            SELECT id, slug, name, credentials, time_zone, slot_minutes, buffer_minutes, notice_minutes, horizon_days, user_id, author_id,
                   active FROM consult_doctors""";
    private static final String BOOKING = """
            SELECT id, doctor_id, start_at, end_at, patient_name, patient_email, patient_phone, patient_zone, room, status,
                   created_at, cancelled_at, erased_at, lang FROM consult_bookings""";

    /** A booking as the repository writes it; intake is already sealed. */
    record NewBooking(long doctorId, Instant start, Instant end, String name, String email, String phone, ZoneId zone,
                      String sealedIntake, String room, Instant now, boolean skip24h, boolean skip1h, Language lang) {
    }

    /** One line of the intake view log. */
    record View(long bookingId, String userName, Instant viewedAt) {
    }

    private final Jdbi jdbi;

    ConsultRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    List<Doctor> doctors(boolean activeOnly) {
        return jdbi.withHandle(h -> h.createQuery(DOCTOR + (activeOnly ? " WHERE active = TRUE" : "") + " ORDER BY name, id")
                .map(ConsultRepository::doctor).list());
    }

    Optional<Doctor> doctor(String slug) {
        return jdbi.withHandle(h -> h.createQuery(DOCTOR + " WHERE slug = :slug").bind("slug", slug)
                .map(ConsultRepository::doctor).findOne());
    }

    Optional<Doctor> doctor(long id) {
        return jdbi.withHandle(h -> h.createQuery(DOCTOR + " WHERE id = :id").bind("id", id)
                .map(ConsultRepository::doctor).findOne());
    }

    Optional<Doctor> doctorOfUser(long userId) {
        return jdbi.withHandle(h -> h.createQuery(DOCTOR + " WHERE user_id = :user ORDER BY id LIMIT 1").bind("user", userId)
                .map(ConsultRepository::doctor).findOne());
    }

    long addDoctor(String slug, String name, ZoneId zone, int slotMinutes, Long userId, Long authorId, Instant now) {
        return jdbi.withHandle(h -> h.createQuery("""
                        INSERT INTO consult_doctors (slug, name, time_zone, slot_minutes, user_id, author_id, created_at)
                        VALUES (:slug, :name, :zone, :slot, :user, :author, :now) RETURNING id""")
                .bind("slug", slug).bind("name", name).bind("zone", zone.getId()).bind("slot", slotMinutes)
                .bind("user", userId).bind("author", authorId).bind("now", now).mapTo(Long.class).one());
    }

    /** Sets who the doctor is and the schedule's basics, and makes it bookable (again). */
    void attach(long doctorId, long userId, String name, String credentials, ZoneId zone, int slotMinutes) {
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE consult_doctors SET user_id = :user, name = :name, credentials = :credentials, time_zone = :zone,
                            slot_minutes = :slot, active = TRUE WHERE id = :id""")
                .bind("user", userId).bind("name", name).bind("credentials", credentials).bind("zone", zone.getId())
                .bind("slot", slotMinutes).bind("id", doctorId).execute());
    }

    /** No longer bookable and no longer the account's: the schedule and its past consultations stay. */
    void detach(long doctorId) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE consult_doctors SET active = FALSE, user_id = NULL WHERE id = :id")
                .bind("id", doctorId).execute());
    }

    /** Active bookings of the doctor that have not ended by {@code now}, soonest first. */
    List<Instant> upcomingStarts(long doctorId, Instant now) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT start_at FROM consult_bookings WHERE doctor_id = :id AND cancelled_at IS NULL AND end_at > :now
                        ORDER BY start_at""")
                .bind("id", doctorId).bind("now", now).map((rs, ctx) -> Instant.ofEpochMilli(rs.getLong(1))).list());
    }

    /** Gives an unclaimed schedule of this author profile to the account; true when one was linked. */
    boolean linkUserByAuthor(long authorId, long userId) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE consult_doctors SET user_id = :user WHERE id = (
                            SELECT MIN(id) FROM consult_doctors WHERE author_id = :author AND user_id IS NULL)""")
                .bind("user", userId).bind("author", authorId).execute()) == 1;
    }

    void updateRules(long doctorId, ZoneId zone, int slotMinutes, int bufferMinutes, int noticeMinutes, int horizonDays) {
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE consult_doctors SET time_zone = :zone, slot_minutes = :slot, buffer_minutes = :buffer,
                            notice_minutes = :notice, horizon_days = :horizon WHERE id = :id""")
                .bind("zone", zone.getId()).bind("slot", slotMinutes).bind("buffer", bufferMinutes)
                .bind("notice", noticeMinutes).bind("horizon", horizonDays).bind("id", doctorId).execute());
    }

    List<WeeklyHours> hours(long doctorId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT day_of_week, start_minute, end_minute FROM consult_hours WHERE doctor_id = :id
                        ORDER BY day_of_week, start_minute""")
                .bind("id", doctorId)
                .map((rs, ctx) -> new WeeklyHours(DayOfWeek.of(rs.getInt(1)), time(rs.getInt(2)), time(rs.getInt(3)))).list());
    }

    void replaceHours(long doctorId, List<WeeklyHours> hours) {
        jdbi.useHandle(h -> {
            h.createUpdate("DELETE FROM consult_hours WHERE doctor_id = :id").bind("id", doctorId).execute();
            for (WeeklyHours w : hours) {
                h.createUpdate("""
                                INSERT INTO consult_hours (doctor_id, day_of_week, start_minute, end_minute)
                                VALUES (:id, :day, :start, :end)""")
                        .bind("id", doctorId).bind("day", w.day().getValue()).bind("start", minute(w.start()))
                        .bind("end", minute(w.end())).execute();
            }
        });
    }

    List<DateException> exceptions(long doctorId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT on_date, start_minute, end_minute FROM consult_exceptions WHERE doctor_id = :id
                        ORDER BY on_date, start_minute""")
                .bind("id", doctorId)
                .map((rs, ctx) -> {
                    int start = rs.getInt(2);
                    boolean off = rs.wasNull();
                    return new DateException(LocalDate.parse(rs.getString(1)), off ? null : time(start),
                            off ? null : time(rs.getInt(3)));
                }).list());
    }

    void addException(long doctorId, DateException exception) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO consult_exceptions (doctor_id, on_date, start_minute, end_minute)
                        VALUES (:id, :date, :start, :end)""")
                .bind("id", doctorId).bind("date", exception.date().toString())
                .bind("start", exception.isDayOff() ? null : minute(exception.start()))
                .bind("end", exception.isDayOff() ? null : minute(exception.end())).execute());
    }

    void removeExceptions(long doctorId, LocalDate date) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM consult_exceptions WHERE doctor_id = :id AND on_date = :date")
                .bind("id", doctorId).bind("date", date.toString()).execute());
    }

    /**
     * Takes the doctor's row for this transaction (a row lock on PostgreSQL; SQLite's writers queue
     * anyway), so two bookings for one doctor check for overlaps one after the other.
     */
    void lockDoctor(long doctorId) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE consult_doctors SET booking_version = booking_version + 1 WHERE id = :id")
                .bind("id", doctorId).execute());
    }

    /** Active bookings of the doctor that overlap [from, to). */
    List<Slot> taken(long doctorId, Instant from, Instant to) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT start_at, end_at FROM consult_bookings
                        WHERE doctor_id = :id AND cancelled_at IS NULL AND start_at < :to AND end_at > :from""")
                .bind("id", doctorId).bind("from", from).bind("to", to)
                .map((rs, ctx) -> new Slot(Instant.ofEpochMilli(rs.getLong(1)), Instant.ofEpochMilli(rs.getLong(2)))).list());
    }

    /** Inserts the booking; the partial unique index refuses a second active booking at the same start. */
    long insert(NewBooking b) {
        return jdbi.withHandle(h -> h.createQuery("""
                        INSERT INTO consult_bookings (doctor_id, start_at, end_at, patient_name, patient_email, patient_phone,
                            patient_zone, intake, room, created_at, reminder_24h_at, reminder_1h_at, lang)
                        VALUES (:doctor, :start, :end, :name, :email, :phone, :zone, :intake, :room, :now, :skip24, :skip1, :lang)
                        RETURNING id""")
                .bind("doctor", b.doctorId()).bind("start", b.start()).bind("end", b.end()).bind("name", b.name())
                .bind("email", b.email()).bind("phone", b.phone()).bind("zone", b.zone().getId())
                .bind("intake", b.sealedIntake()).bind("room", b.room()).bind("now", b.now())
                .bind("skip24", b.skip24h() ? b.now() : null).bind("skip1", b.skip1h() ? b.now() : null)
                .bind("lang", b.lang().tag())
                .mapTo(Long.class).one());
    }

    Optional<Booking> booking(long id) {
        return jdbi.withHandle(h -> h.createQuery(BOOKING + " WHERE id = :id").bind("id", id)
                .map(ConsultRepository::booking).findOne());
    }

    /** The doctor's active booking in this video room, if any (rooms are named per booking form; see FormSubmissions). */
    Optional<Booking> activeInRoom(long doctorId, String room) {
        return jdbi.withHandle(h -> h.createQuery(BOOKING + " WHERE doctor_id = :doctor AND room = :room AND cancelled_at IS NULL")
                .bind("doctor", doctorId).bind("room", room).map(ConsultRepository::booking).findFirst());
    }

    /** The sealed intake answers and notes of a booking: [intake, notes]. */
    String[] sealed(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT intake, notes FROM consult_bookings WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)}).findOne().orElse(new String[2]));
    }

    /** Bookings after {@code afterId} that hold sealed values, in id order, at most {@code limit}. */
    List<HealthDataRekey.Sealed> sealedAfter(long afterId, int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT id, intake, notes FROM consult_bookings
                        WHERE id > :after AND (intake IS NOT NULL OR notes IS NOT NULL) ORDER BY id LIMIT :limit""")
                .bind("after", afterId).bind("limit", limit)
                .map((rs, ctx) -> new HealthDataRekey.Sealed(rs.getLong(1), rs.getString(2), rs.getString(3))).list());
    }

    /** Replaces a sealed value ({@code column} is intake or notes) only if it is still {@code expected}. */
    boolean replaceSealed(long id, String column, String expected, String value) {
        String col = switch (column) {
            case HealthDataRekey.INTAKE -> "intake";
            case HealthDataRekey.NOTES -> "notes";
            default -> throw new IllegalArgumentException("not a sealed column: " + column);
        };
        return jdbi.withHandle(h -> h.createUpdate("UPDATE consult_bookings SET " + col + " = :value WHERE id = :id AND "
                        + col + " = :expected")
                .bind("value", value).bind("id", id).bind("expected", expected).execute()) == 1;
    }

    /** How many sealed values are not under this key (their text does not start v1.KEYID.). */
    int countNotSealedUnder(String keyId) {
        String prefix = HealthDataCipher.VERSION + "." + keyId + ".%";
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT (SELECT COUNT(*) FROM consult_bookings WHERE intake IS NOT NULL AND intake NOT LIKE :prefix)
                             + (SELECT COUNT(*) FROM consult_bookings WHERE notes IS NOT NULL AND notes NOT LIKE :prefix)""")
                .bind("prefix", prefix).mapTo(Integer.class).one());
    }

    boolean cancel(long id, Instant now) {
        return jdbi.withHandle(h -> h.createUpdate(
                        """
                        UPDATE consult_bookings SET cancelled_at = :now, calendar_sequence = calendar_sequence + 1
                        WHERE id = :id AND cancelled_at IS NULL""")
                .bind("now", now).bind("id", id).execute()) == 1;
    }

    /** Moves an active booking; its reminders are due again for the new time (unless that is near). */
    boolean move(long id, Instant start, Instant end, Instant now, boolean skip24h, boolean skip1h) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE consult_bookings SET start_at = :start, end_at = :end, reminder_24h_at = :skip24,
                            reminder_1h_at = :skip1, calendar_sequence = calendar_sequence + 1
                        WHERE id = :id AND cancelled_at IS NULL""")
                .bind("start", start).bind("end", end).bind("skip24", skip24h ? now : null).bind("skip1", skip1h ? now : null)
                .bind("id", id).execute()) == 1;
    }

    /** The doctor's bookings, cancelled ones too, starting in [from, to). */
    List<Booking> between(long doctorId, Instant from, Instant to) {
        return jdbi.withHandle(h -> h.createQuery(BOOKING + " " + """
                        WHERE doctor_id = :doctor AND start_at >= :from AND start_at < :to ORDER BY start_at, id""")
                .bind("doctor", doctorId).bind("from", from).bind("to", to).map(ConsultRepository::booking).list());
    }

    /** The SEQUENCE of the booking's calendar invitation: how often it was moved or cancelled. */
    int calendarSequence(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT calendar_sequence FROM consult_bookings WHERE id = :id")
                .bind("id", id).mapTo(Integer.class).one());
    }

    /** The start of the doctor's first active booking at or after {@code from}, if any. */
    Optional<Instant> firstActiveFrom(long doctorId, Instant from) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT MIN(start_at) FROM consult_bookings WHERE doctor_id = :doctor AND cancelled_at IS NULL
                            AND start_at >= :from""")
                .bind("doctor", doctorId).bind("from", from)
                .map((rs, ctx) -> {
                    long millis = rs.getLong(1);
                    return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
                }).findOne());
    }

    /** Active bookings that have not ended by {@code now}, soonest first: of one doctor, or of all when null. */
    List<Booking> nextActive(Long doctorId, Instant now, int limit) {
        return jdbi.withHandle(h -> h.createQuery(BOOKING + " WHERE cancelled_at IS NULL AND end_at > :now"
                        + (doctorId == null ? "" : " AND doctor_id = :doctor") + " ORDER BY start_at, id LIMIT :limit")
                .bind("now", now).bind("doctor", doctorId).bind("limit", limit).map(ConsultRepository::booking).list());
    }

    /** The sealed intake answers of these bookings, by booking id (erased ones are left out). */
    java.util.Map<Long, String> sealedIntakes(List<Long> ids) {
        if (ids.isEmpty()) {
            return java.util.Map.of();
        }
        return jdbi.withHandle(h -> h.createQuery("SELECT id, intake FROM consult_bookings WHERE id IN (<ids>) AND intake IS NOT NULL")
                .bindList("ids", ids)
                .reduceRows(new java.util.HashMap<Long, String>(), (map, row) -> {
                    map.put(row.getColumn("id", Long.class), row.getColumn("intake", String.class));
                    return map;
                }));
    }

    /** The hour (in the doctor's zone) of the doctor's morning agenda mail; empty when off. */
    Optional<Integer> agendaMailHour(long doctorId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT agenda_mail_hour FROM consult_doctors WHERE id = :id")
                .bind("id", doctorId).map((rs, ctx) -> {
                    int hour = rs.getInt(1);
                    return rs.wasNull() ? null : hour;
                }).findOne());
    }

    void setAgendaMailHour(long doctorId, Integer hour) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE consult_doctors SET agenda_mail_hour = :hour WHERE id = :id")
                .bind("hour", hour).bind("id", doctorId).execute());
    }

    /** Active doctors with an account who asked for the morning agenda mail. */
    List<Doctor> doctorsWithAgendaMail() {
        return jdbi.withHandle(h -> h.createQuery(DOCTOR
                        + " WHERE active = TRUE AND user_id IS NOT NULL AND agenda_mail_hour IS NOT NULL ORDER BY id")
                .map(ConsultRepository::doctor).list());
    }

    /** Claims the doctor's agenda mail for this date, unless a server (this or another) did; true for the one that did. */
    boolean claimAgendaMail(long doctorId, LocalDate date) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE consult_doctors SET agenda_mail_sent_on = :date
                        WHERE id = :id AND (agenda_mail_sent_on IS NULL OR agenda_mail_sent_on <> :date)""")
                .bind("date", date.toString()).bind("id", doctorId).execute()) == 1;
    }

    List<Booking> byEmail(String email) {
        return jdbi.withHandle(h -> h.createQuery(BOOKING + " WHERE LOWER(patient_email) = LOWER(:email) ORDER BY start_at")
                .bind("email", email).map(ConsultRepository::booking).list());
    }

    boolean setStatus(long id, Booking.Status status) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE consult_bookings SET status = :status WHERE id = :id")
                .bind("status", status.key()).bind("id", id).execute()) == 1;
    }

    void setNotes(long id, String sealedNotes) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE consult_bookings SET notes = :notes WHERE id = :id AND erased_at IS NULL")
                .bind("notes", sealedNotes).bind("id", id).execute());
    }

    void logView(long bookingId, long userId, String userName, Instant now) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO consult_intake_views (booking_id, user_id, user_name, viewed_at)
                        VALUES (:booking, :user, :name, :now)""")
                .bind("booking", bookingId).bind("user", userId).bind("name", userName).bind("now", now).execute());
    }

    List<View> views(int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT booking_id, user_name, viewed_at FROM consult_intake_views ORDER BY viewed_at DESC, id DESC
                        LIMIT :limit""")
                .bind("limit", limit)
                .map((rs, ctx) -> new View(rs.getLong(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)))).list());
    }

    /** Ids of active bookings whose reminder ({@code column}) is due: start within {@code before} of now. */
    List<Long> dueReminders(String column, Instant now, Instant startsBefore) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id FROM consult_bookings WHERE cancelled_at IS NULL AND "
                        + column + " IS NULL AND start_at > :now AND start_at <= :before ORDER BY start_at")
                .bind("now", now).bind("before", startsBefore).mapTo(Long.class).list());
    }

    /** Marks the reminder sent, unless another server or round already did; true for the one that did. */
    boolean claimReminder(String column, long id, Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE consult_bookings SET " + column + " = :now WHERE id = :id AND "
                        + column + " IS NULL AND cancelled_at IS NULL")
                .bind("now", now).bind("id", id).execute()) == 1;
    }

    /** Removes intake answers and notes of consultations that ended before {@code before}. */
    int erase(Instant before, Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE consult_bookings SET intake = NULL, notes = NULL, erased_at = :now
                        WHERE erased_at IS NULL AND end_at < :before""")
                .bind("now", now).bind("before", before).execute());
    }

    /** Removes the patient's details and health data from every booking under this address. */
    int eraseByEmail(String email, Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE consult_bookings SET intake = NULL, notes = NULL, erased_at = :now, patient_name = 'erased',
                            patient_email = 'erased', patient_phone = '', cancelled_at = COALESCE(cancelled_at, :now)
                        WHERE LOWER(patient_email) = LOWER(:email)""")
                .bind("now", now).bind("email", email).execute());
    }

    private static Doctor doctor(ResultSet rs, StatementContext ctx) throws SQLException {
        long user = rs.getLong("user_id");
        Long userId = rs.wasNull() ? null : user;
        long author = rs.getLong("author_id");
        Long authorId = rs.wasNull() ? null : author;
        return new Doctor(rs.getLong("id"), rs.getString("slug"), rs.getString("name"), rs.getString("credentials"),
                ZoneId.of(rs.getString("time_zone")),
                rs.getInt("slot_minutes"), rs.getInt("buffer_minutes"), rs.getInt("notice_minutes"), rs.getInt("horizon_days"),
                userId, authorId, rs.getBoolean("active"));
    }

    private static Booking booking(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Booking(rs.getLong("id"), rs.getLong("doctor_id"), Instant.ofEpochMilli(rs.getLong("start_at")),
                Instant.ofEpochMilli(rs.getLong("end_at")), rs.getString("patient_name"), rs.getString("patient_email"),
                rs.getString("patient_phone"), ZoneId.of(rs.getString("patient_zone")), rs.getString("room"),
                Booking.Status.of(rs.getString("status")), instant(rs, "created_at"), instant(rs, "cancelled_at"),
                instant(rs, "erased_at"), Language.parse(rs.getString("lang")).orElse(Language.ENGLISH));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    private static LocalTime time(int minute) {
        return LocalTime.of(minute / 60, minute % 60);
    }

    private static int minute(LocalTime time) {
        return time.getHour() * 60 + time.getMinute();
    }
}
