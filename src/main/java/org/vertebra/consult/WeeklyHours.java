package org.vertebra.consult;

import java.time.DayOfWeek;
import java.time.LocalTime;

/** One stretch of a doctor's weekly hours, on the wall clock of the doctor's zone. */
public record WeeklyHours(DayOfWeek day, LocalTime start, LocalTime end) {

    public WeeklyHours {
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("hours must end after they start: " + start + "-" + end);
        }
    }
}
