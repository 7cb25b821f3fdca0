package org.vertebra.consult;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * A date that differs from the doctor's week: a day off ({@code start} and {@code end} null), or
 * extra hours on that date. A day off removes the weekly hours of that date; extra hours given
 * for the same date still count.
 */
record DateException(LocalDate date, LocalTime start, LocalTime end) {

    public DateException {
        if ((start == null) != (end == null) || start != null && !start.isBefore(end)) {
            throw new IllegalArgumentException("extra hours need a start before their end: " + start + "-" + end);
        }
    }

    public static DateException dayOff(LocalDate date) {
        return new DateException(date, null, null);
    }

    public boolean isDayOff() {
        return start == null;
    }
}
