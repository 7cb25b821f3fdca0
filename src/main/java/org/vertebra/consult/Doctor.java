package org.vertebra.consult;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/**
 * A doctor who takes video consultations, and the rules of their schedule (minutes and days).
 * {@code active} is false once an administrator detached the doctor: no longer bookable, history kept.
 */
public record Doctor(long id, String slug, String name, String credentials, ZoneId zone, int slotMinutes, int bufferMinutes,
                     int noticeMinutes, int horizonDays, Long userId, Long authorId, boolean active) {

    /** The name as patients see it: with the credentials, when there are any ("Dr Asha Raman, FRCS (Orth)"). */
    public String displayName() {
        return credentials == null || credentials.isBlank() ? name : name + ", " + credentials;
    }

    public Availability availability(List<WeeklyHours> weekly, List<DateException> exceptions) {
        return new Availability(zone, slotMinutes, bufferMinutes, Duration.ofMinutes(noticeMinutes), horizonDays, weekly,
                exceptions);
    }
}
