package org.vertebra.consult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vertebra.access.AccountRole;
import org.vertebra.app.Site;
import org.vertebra.form.Invalid;
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestSite;

/** Attaching and detaching doctors on both databases: the author's schedule reused, refusals that change nothing. */
class DoctorScheduleTest {

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void attachTakesOverTheAuthorsScheduleAndDetachWaitsForTheLastConsultation(TestDatabase kind) {
        TestClock clock = TestClock.at(ConsultSite.MONDAY_EARLY);
        try (TestSite test = TestSite.open(kind, temp, clock)) {
            Site site = test.site();
            var author = site.authors.ensure("Dr Test", "dr-test");
            Doctor demo = ConsultSite.withHours(site, site.consult.agenda().addDoctor("dr-test", "Dr Test", ConsultSite.LONDON, 30, null,
                    author.id()));
            var user = site.accounts.addUser("test@example.org", "Tess Test", AccountRole.DOCTOR, "a long enough password");

            Doctor attached = site.consult.agenda().attach(new DoctorAgenda.Attach(user.id(), "Dr Tess Test", "MRCP",
                    java.time.ZoneId.of("Europe/Dublin"), 20, author.id()));

            assertThat(attached.id()).isEqualTo(demo.id());
            assertThat(attached.displayName()).isEqualTo("Dr Tess Test, MRCP");
            assertThat(attached.userId()).isEqualTo(user.id());
            assertThat(attached.slotMinutes()).isEqualTo(20);
            assertThatThrownBy(() -> site.consult.agenda().attach(new DoctorAgenda.Attach(user.id(), "Again", null,
                    ConsultSite.LONDON, 30, null))).isInstanceOf(Invalid.class);
            assertThat(site.consult.agenda().allDoctors()).hasSize(1);

            var booked = site.consult.bookings().book(ConsultSite.request("2026-03-04T10:00:00Z", "priya@example.org"));
            assertThatThrownBy(() -> site.consult.agenda().detach(demo.id())).isInstanceOfSatisfying(DoctorAgenda.StillBooked.class,
                    e -> assertThat(e.next()).isEqualTo(booked.booking().start()));
            assertThat(site.consult.agenda().doctor(demo.id()).orElseThrow().active()).isTrue();

            clock.advance(java.time.Duration.ofDays(3));
            Doctor detached = site.consult.agenda().detach(demo.id());
            assertThat(detached.active()).isFalse();
            assertThat(detached.userId()).isNull();
            assertThat(site.consult.bookings().doctors()).isEmpty();
            assertThat(site.consult.agenda().doctorOfUser(user.id())).isEmpty();
            assertThatThrownBy(() -> site.consult.bookings().book(ConsultSite.request("2026-03-09T10:00:00Z", "sam@example.org")))
                    .isInstanceOf(Invalid.class);

            // Attached again, the account gets its author's schedule back, bookable again.
            assertThat(site.consult.agenda().attach(new DoctorAgenda.Attach(user.id(), "Dr Tess Test", "MRCP",
                    ConsultSite.LONDON, 30, author.id())).id()).isEqualTo(demo.id());
            assertThat(site.consult.bookings().doctors()).extracting(Doctor::id).containsExactly(demo.id());
        }
    }
}
