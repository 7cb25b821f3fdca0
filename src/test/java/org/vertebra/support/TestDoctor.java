package org.vertebra.support;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.function.Predicate;
import org.vertebra.access.AccountRole;
import org.vertebra.access.User;
import org.vertebra.app.Site;
import org.vertebra.consult.Doctor;
import org.vertebra.consult.DoctorAgenda;
import org.vertebra.consult.WeeklyHours;

/**
 * Dr Asha Raman, the doctor of the tests that sign in as one: a doctor's account with an agenda
 * attached, 30-minute consultations from 09:00 to 17:00 London time.
 */
public final class TestDoctor {

    public static final String EMAIL = "asha@clinic.example";
    public static final String NAME = "Dr Asha Raman";
    public static final String PASSWORD = "a long enough password";
    public static final ZoneId LONDON = ZoneId.of("Europe/London");

    private TestDoctor() {
    }

    /** Monday to Friday, as tests on a fixed clock expect. */
    public static Doctor onWeekdays(Site site, String credentials) {
        return added(site, credentials, day -> day.getValue() <= 5);
    }

    /** Every day, so that a test on the real clock finds free times whatever day it runs. */
    public static Doctor everyDay(Site site, String credentials) {
        return added(site, credentials, day -> true);
    }

    private static Doctor added(Site site, String credentials, Predicate<DayOfWeek> works) {
        User account = site.accounts.addUser(EMAIL, NAME, AccountRole.DOCTOR, PASSWORD);
        Doctor doctor = site.consult.agenda().attach(new DoctorAgenda.Attach(account.id(), NAME, credentials, LONDON, 30, null));
        site.consult.agenda().setHours(doctor.id(), Arrays.stream(DayOfWeek.values()).filter(works)
                .map(day -> new WeeklyHours(day, LocalTime.of(9, 0), LocalTime.of(17, 0))).toList());
        // Read back, so the record holds what setting the hours changed.
        return site.consult.agenda().doctor(doctor.id()).orElseThrow();
    }
}
