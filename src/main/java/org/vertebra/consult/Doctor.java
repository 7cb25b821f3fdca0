package org.vertebra.consult;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/** A doctor who takes video consultations, and the rules of their schedule (minutes and days). */
public record Doctor(long id, String slug, String name, ZoneId zone, int slotMinutes, int bufferMinutes, int noticeMinutes,
                     int horizonDays, Long userId, Long authorId, boolean active) {

    public Availability availability(List<WeeklyHours> weekly, List<DateException> exceptions) {
        return new Availability(zone, slotMinutes, bufferMinutes, Duration.ofMinutes(noticeMinutes), horizonDays, weekly,
                exceptions);
    }
}
