package org.vertebra.consult;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The free slots of one doctor: pure arithmetic on the doctor's {@link Availability}, the time
 * already booked and the current instant, with no database.
 *
 * <p>Each stretch of hours is read on the doctor's wall clock on its date and turned into instants
 * (a start in a daylight-saving gap moves to the first instant after it; in an overlap, the
 * earlier offset counts); slots are then laid out in real time from the start, one consultation
 * plus its buffer apart, so a stretch across a clock change holds as many slots as real time
 * allows and none falls in the missing hour. A slot is free when it does not come within the
 * buffer of a booking, starts at least {@code notice} from now, and no later than the horizon.
 */
final class SlotCalendar {

    /** The most days one question may cover, to bound the work. */
    public static final int MAX_DAYS = 62;

    private SlotCalendar() {
    }

    /**
     * The free slots starting on the dates {@code from} to {@code to} (both included) as read in
     * {@code viewerZone}, earliest first.
     */
    public static List<Slot> free(Availability rules, List<Slot> taken, Instant now, LocalDate from, LocalDate to,
                                  ZoneId viewerZone) {
        if (to.isBefore(from) || from.plusDays(MAX_DAYS).isBefore(to)) {
            throw new IllegalArgumentException("a range of 1 to " + MAX_DAYS + " days, from before to");
        }
        Instant rangeStart = from.atStartOfDay(viewerZone).toInstant();
        Instant rangeEnd = to.plusDays(1).atStartOfDay(viewerZone).toInstant();
        return free(rules, taken, now, rangeStart, rangeEnd);
    }

    /** The free slots starting in [rangeStart, rangeEnd), earliest first. */
    public static List<Slot> free(Availability rules, List<Slot> taken, Instant now, Instant rangeStart, Instant rangeEnd) {
        Instant earliest = now.plus(rules.notice());
        Instant latest = now.plus(Duration.ofDays(rules.horizonDays()));
        Duration buffer = Duration.ofMinutes(rules.bufferMinutes());
        List<Slot> slots = new ArrayList<>();
        // The doctor's dates that can hold a slot in the range, one day of margin for far-apart zones.
        LocalDate day = rangeStart.atZone(rules.zone()).toLocalDate().minusDays(1);
        LocalDate lastDay = rangeEnd.atZone(rules.zone()).toLocalDate().plusDays(1);
        for (; !day.isAfter(lastDay); day = day.plusDays(1)) {
            for (Slot stretch : stretches(rules, day)) {
                for (Instant start = stretch.start(); !start.plus(rules.slotLength()).isAfter(stretch.end());
                     start = start.plus(rules.slotLength()).plus(buffer)) {
                    Slot slot = new Slot(start, start.plus(rules.slotLength()));
                    if (!start.isBefore(rangeStart) && start.isBefore(rangeEnd) && !start.isBefore(earliest)
                            && !start.isAfter(latest) && taken.stream().noneMatch(
                                    t -> slot.overlaps(t.start().minus(buffer), t.end().plus(buffer)))) {
                        slots.add(slot);
                    }
                }
            }
        }
        slots.sort(Comparator.comparing(Slot::start));
        return dropRepeats(slots);
    }

    /** Whether a consultation may be booked at {@code start}: it is exactly one of the free slots. */
    public static boolean isFree(Availability rules, List<Slot> taken, Instant now, Instant start) {
        return free(rules, taken, now, start, start.plusMillis(1)).stream().anyMatch(s -> s.start().equals(start));
    }

    /** The stretches of working time on one of the doctor's dates, as instants. */
    static List<Slot> stretches(Availability rules, LocalDate day) {
        List<DateException> exceptions = rules.exceptions().stream().filter(e -> e.date().equals(day)).toList();
        boolean dayOff = exceptions.stream().anyMatch(DateException::isDayOff);
        List<Slot> stretches = new ArrayList<>();
        if (!dayOff) {
            rules.weekly().stream().filter(h -> h.day() == day.getDayOfWeek())
                    .forEach(h -> stretches.add(stretch(day, h.start(), h.end(), rules.zone())));
        }
        exceptions.stream().filter(e -> !e.isDayOff())
                .forEach(e -> stretches.add(stretch(day, e.start(), e.end(), rules.zone())));
        return stretches;
    }

    private static Slot stretch(LocalDate day, LocalTime start, LocalTime end, ZoneId zone) {
        return new Slot(ZonedDateTime.of(day, start, zone).toInstant(), ZonedDateTime.of(day, end, zone).toInstant());
    }

    /** Overlapping stretches (weekly hours and extra hours on one date) may give one slot twice. */
    private static List<Slot> dropRepeats(List<Slot> sorted) {
        List<Slot> kept = new ArrayList<>();
        for (Slot slot : sorted) {
            if (kept.isEmpty() || !kept.get(kept.size() - 1).overlaps(slot.start(), slot.end())) {
                kept.add(slot);
            }
        }
        return kept;
    }
}
