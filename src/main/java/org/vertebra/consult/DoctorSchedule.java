package org.vertebra.consult;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Supplier;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.vertebra.data.Transactor;
import org.vertebra.form.Invalid;
import org.vertebra.language.Messages;

/**
 * A doctor's free slots and the rules a start must pass under the doctor's lock, shared by the
 * patient's booking and moving and the clinic's moving: taken by another booking (409), or never
 * bookable (422); a lost race becomes {@link SlotTaken} with the next free slots.
 */
final class DoctorSchedule {

    static final Duration REMINDER_DAY = Duration.ofHours(24);
    static final Duration REMINDER_HOUR = Duration.ofHours(1);
    private static final int NEXT_FREE = 5;

    private final Transactor transactor;
    private final ConsultRepository repository;
    private final ConsultOutbox outbox;
    private final Clock clock;

    DoctorSchedule(Transactor transactor, ConsultRepository repository, ConsultOutbox outbox, Clock clock) {
        this.transactor = transactor;
        this.repository = repository;
        this.outbox = outbox;
        this.clock = clock;
    }

    Availability availability(Doctor doctor) {
        return doctor.availability(repository.hours(doctor.id()), repository.exceptions(doctor.id()));
    }

    /** The doctor's free slots on the dates {@code from} to {@code to} read in {@code viewerZone}. */
    List<Slot> freeSlots(Doctor doctor, LocalDate from, LocalDate to, ZoneId viewerZone) {
        Instant start = from.atStartOfDay(viewerZone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(viewerZone).toInstant();
        return SlotCalendar.free(availability(doctor), repository.taken(doctor.id(), start.minus(Duration.ofDays(1)),
                end.plus(Duration.ofDays(1))), clock.instant(), from, to, viewerZone);
    }

    /** The next few free slots from now. */
    List<Slot> nextFree(Doctor doctor) {
        Instant now = clock.instant();
        Availability rules = availability(doctor);
        Instant until = now.plus(Duration.ofDays(rules.horizonDays() + 1L));
        return SlotCalendar.free(rules, repository.taken(doctor.id(), now, until), now, now, until).stream()
                .limit(NEXT_FREE).toList();
    }

    /**
     * Moves a consultation to a free slot under the doctor's lock, mails the patient the new time
     * with the calendar update and tells the doctor, unless the doctor moved it ({@code byUserId}).
     */
    Booked move(Doctor doctor, Booking old, Instant newStart, Long byUserId, String byName, Messages text) {
        Instant now = clock.instant();
        Booking moved = orTaken(doctor, () -> transactor.inTransaction(() -> {
            repository.lockDoctor(doctor.id());
            Availability rules = availability(doctor);
            Instant end = newStart.plus(rules.slotLength());
            checkFree(doctor, rules, newStart, end, now, old.id(), text);
            if (!repository.move(old.id(), newStart, end, now, !newStart.isAfter(now.plus(REMINDER_DAY)),
                    !newStart.isAfter(now.plus(REMINDER_HOUR)))) {
                throw Invalid.of("start", text.get("consult.problem.cancelled"));
            }
            Booking made = repository.booking(old.id()).orElseThrow();
            outbox.enqueue(outbox.mail().booked(made, doctor.name(), outbox.videoUrl(made), outbox.manageUrl(made), now, true,
                    repository.calendarSequence(made.id())));
            outbox.tellDoctor(doctor, byUserId, to -> outbox.notice().moved(to, doctor, made, old.start(), byName));
            return made;
        }));
        return new Booked(moved, doctor.name(), outbox.videoUrl(moved), outbox.manageUrl(moved));
    }

    /**
     * Runs a booking's transaction; a lost race, whether the overlap check or the unique index
     * noticed it, becomes {@link SlotTaken} with the doctor's next free slots (read after the rollback).
     */
    Booking orTaken(Doctor doctor, Supplier<Booking> work) {
        try {
            return work.get();
        } catch (UnableToExecuteStatementException e) {
            if (isUniqueViolation(e)) {
                throw new SlotTaken(nextFree(doctor));
            }
            throw e;
        } catch (SlotTaken taken) {
            throw new SlotTaken(nextFree(doctor));
        }
    }

    /** Refuses a start that is not a free slot: taken by another booking (409), or never bookable (422), told in {@code text}. */
    void checkFree(Doctor doctor, Availability rules, Instant start, Instant end, Instant now, Long except, Messages text) {
        Duration buffer = Duration.ofMinutes(rules.bufferMinutes());
        List<Slot> taken = repository.taken(doctor.id(), start.minus(Duration.ofDays(1)), end.plus(Duration.ofDays(1)));
        if (except != null) {
            Booking own = repository.booking(except).orElseThrow();
            taken = taken.stream().filter(s -> !s.equals(own.slot())).toList();
        }
        if (SlotCalendar.isFree(rules, taken, now, start)) {
            return;
        }
        if (SlotCalendar.isFree(rules, List.of(), now, start)) {
            throw new SlotTaken(List.of());
        }
        if (!start.isAfter(now)) {
            throw Invalid.of("start", text.get("consult.problem.passed"));
        }
        if (start.isBefore(now.plus(rules.notice()))) {
            throw Invalid.of("start", text.format("consult.problem.soon", new PatientWords(text).duration(rules.notice())));
        }
        if (start.isAfter(now.plus(Duration.ofDays(rules.horizonDays())))) {
            throw Invalid.of("start", text.format("consult.problem.far", rules.horizonDays()));
        }
        throw Invalid.of("start", text.get("consult.problem.hours"));
    }

    private static boolean isUniqueViolation(UnableToExecuteStatementException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && ("23505".equals(sql.getSQLState())
                    || String.valueOf(sql.getMessage()).contains("UNIQUE constraint failed"))) {
                return true;
            }
        }
        return false;
    }
}
