package org.vertebra.consult;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * A doctor's rules for bookable time: weekly hours and date exceptions read in {@code zone}, the
 * length of a consultation, the pause kept after each, how long before a slot booking closes
 * ({@code notice}) and how far ahead it opens ({@code horizonDays}).
 */
record Availability(ZoneId zone, int slotMinutes, int bufferMinutes, Duration notice, int horizonDays,
                           List<WeeklyHours> weekly, List<DateException> exceptions) {

    public static final Set<Integer> SLOT_LENGTHS = Set.of(15, 20, 30);

    public Availability {
        if (!SLOT_LENGTHS.contains(slotMinutes)) {
            throw new IllegalArgumentException("a consultation lasts 15, 20 or 30 minutes, not " + slotMinutes);
        }
        if (bufferMinutes < 0 || horizonDays < 1 || notice.isNegative()) {
            throw new IllegalArgumentException("buffer and notice cannot be negative, and the horizon is at least a day");
        }
        weekly = List.copyOf(weekly);
        exceptions = List.copyOf(exceptions);
    }

    public Duration slotLength() {
        return Duration.ofMinutes(slotMinutes);
    }
}
