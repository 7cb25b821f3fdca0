package org.vertebra.consult;

import java.time.DayOfWeek;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vertebra.app.Site;
import org.vertebra.support.DoctorWithSmtp;
import org.vertebra.support.PublicForm;
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;
import org.vertebra.support.WebClient;

/** A doctor with hours for tests, and bookings as a patient would send them, to the service or through the booking page. */
final class ConsultSite {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** A Monday early morning, before the demo-like doctor's hours. */
    static final String MONDAY_EARLY = DoctorWithSmtp.MONDAY_EARLY;
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

    /** A server with no content but Dr Test, on the clock the test moves. */
    static TestServer serverWithDoctor(TestDatabase kind, Path temp, TestClock clock) {
        TestServer server = TestServer.empty(kind, temp, clock);
        doctor(server.site());
        return server;
    }

    /** The booking page's form for Dr Test at {@code start}, filled in as a patient would, with its ticket and submission id. */
    static Map<String, String> bookingForm(WebClient patient, TestClock clock, String start, String email) {
        String path = "/teleconsult/book/?doctor=dr-test&start=" + start + "&tz=Europe/London";
        String submission = patient.page(path).select("input[name=submission]").val();
        Map<String, String> form = new LinkedHashMap<>(PublicForm.fields(patient, path, clock, "doctor", "dr-test",
                "tz", "Europe/London", "start", start, "name", "Priya Shah", "email", email, "phone", "020 7946 0000", "age", "42",
                "complaint", COMPLAINT, "duration", "1 to 4 weeks", "consent", "yes"));
        form.put("submission", submission);
        return form;
    }

    /** Dr Test's consultations starting on this date that are not cancelled. */
    static List<Booking> activeOn(Site site, LocalDate date) {
        Doctor doctor = site.consult.agenda().doctor("dr-test").orElseThrow();
        return site.consult.agenda().agenda(doctor, date).stream().filter(b -> !b.cancelled()).toList();
    }
}
