package org.vertebra.consult;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.vertebra.app.Site;

/** A doctor with hours for tests, and bookings as a patient would send them. */
final class ConsultSite {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** A Monday early morning, before the demo-like doctor's hours. */
    static final String MONDAY_EARLY = "2026-03-02T06:00:00Z";
    static final String COMPLAINT = "Aching left knee when climbing stairs, worse after running";

    private ConsultSite() {
    }

    /** Dr Test: Monday to Friday 09:00-17:00 London, 30-minute slots, 4 hours' notice, 30 days ahead. */
    static Doctor doctor(Site site) {
        return withHours(site, site.consult.agenda().addDoctor("dr-test", "Dr Test", LONDON, 30, null, null));
    }

    /** The doctor with Dr Test's hours: Monday to Friday 09:00-17:00. */
    static Doctor withHours(Site site, Doctor doctor) {
        site.consult.agenda().setHours(doctor.id(), Arrays.stream(DayOfWeek.values()).filter(d -> d.getValue() <= 5)
                .map(d -> new WeeklyHours(d, LocalTime.of(9, 0), LocalTime.of(17, 0))).toList());
        return site.consult.agenda().doctor(doctor.id()).orElseThrow();
    }

    static BookingCommand request(String start, String email) {
        return sent(start, email);
    }

    static BookingCommand sent(String start, String email) {
        return new BookingCommand("dr-test", start, "Asia/Kolkata", "Priya Shah", email, "+44 20 7946 0000", "42",
                COMPLAINT, "3 weeks", List.of("night-pain"), true, true);
    }

    static Instant at(String instant) {
        return Instant.parse(instant);
    }
}
