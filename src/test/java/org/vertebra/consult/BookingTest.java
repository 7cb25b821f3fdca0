package org.vertebra.consult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vertebra.consult.ConsultSite.at;
import static org.vertebra.consult.ConsultSite.request;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vertebra.access.AccountRole;
import org.vertebra.app.Site;
import org.vertebra.form.Invalid;
import org.vertebra.support.MailOutbox;
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestSite;

/** Bookings on both databases: no double booking under a race, refusals that change nothing, links, reminders, retention. */
class BookingTest {

    private static final String TEN = "2026-03-02T10:00:00Z";

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void givesARacedSlotToExactlyOneOfTwentyPatients(TestDatabase kind) throws Exception {
        TestClock clock = TestClock.at(ConsultSite.MONDAY_EARLY);
        try (TestSite test = TestSite.open(kind, temp, clock)) {
            Site site = test.site();
            ConsultSite.doctor(site);
            int patients = 24;
            ExecutorService pool = Executors.newFixedThreadPool(patients);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> outcomes = new ArrayList<>();
            for (int i = 0; i < patients; i++) {
                String email = "patient" + i + "@example.org";
                outcomes.add(pool.submit((Callable<String>) () -> {
                    start.await();
                    try {
                        site.consult.bookings().book(request(TEN, email));
                        return "booked";
                    } catch (SlotTaken taken) {
                        return taken.next().isEmpty() ? "taken, nothing next" : "taken";
                    }
                }));
            }
            start.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> outcome : outcomes) {
                results.add(outcome.get());
            }
            pool.shutdown();

            assertThat(results).filteredOn("booked"::equals).hasSize(1);
            assertThat(results).filteredOn("taken"::equals).hasSize(patients - 1);
            assertThat(activeBookings(site)).isEqualTo(1);
            assertThat(MailOutbox.ofKind(site, ConsultMail.BOOKED)).hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void databaseItselfRefusesASecondActiveBookingOfOneStart(TestDatabase kind) {
        TestClock clock = TestClock.at(ConsultSite.MONDAY_EARLY);
        try (TestSite test = TestSite.open(kind, temp, clock)) {
            Site site = test.site();
            Doctor doctor = ConsultSite.doctor(site);
            ConsultRepository repository = new ConsultRepository(site.database.jdbi());
            var row = new ConsultRepository.NewBooking(doctor.id(), at(TEN), at(TEN).plusSeconds(1800), "A", "a@example.org",
                    "123456", ConsultSite.LONDON, null, "room", clock.instant(), false, false, org.vertebra.language.Language.ENGLISH);
            long first = repository.insert(row);

            assertThatThrownBy(() -> repository.insert(row)).hasMessageContaining("consult_bookings");
            repository.cancel(first, clock.instant());
            assertThat(repository.insert(row)).isNotEqualTo(first); // a cancelled booking frees its start
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void refusesTimesThatAreNotFreeAndChangesNothing(TestDatabase kind) {
        TestClock clock = TestClock.at(ConsultSite.MONDAY_EARLY);
        try (TestSite test = TestSite.open(kind, temp, clock)) {
            Site site = test.site();
            ConsultSite.doctor(site);

            assertThatThrownBy(() -> site.consult.bookings().book(request("2026-03-01T10:00:00Z", "a@example.org")))
                    .isInstanceOf(Invalid.class).hasMessageContaining("passed");
            assertThatThrownBy(() -> site.consult.bookings().book(request("2026-03-02T08:00:00Z", "a@example.org")))
                    .isInstanceOf(Invalid.class).hasMessageContaining("too soon");
            assertThatThrownBy(() -> site.consult.bookings().book(request("2026-03-07T10:00:00Z", "a@example.org")))
                    .isInstanceOf(Invalid.class).hasMessageContaining("outside the doctor's hours");
            assertThatThrownBy(() -> site.consult.bookings().book(request("2026-03-02T10:10:00Z", "a@example.org")))
                    .isInstanceOf(Invalid.class).hasMessageContaining("outside");
            assertThatThrownBy(() -> site.consult.bookings().book(request("2026-05-04T10:00:00Z", "a@example.org")))
                    .isInstanceOf(Invalid.class).hasMessageContaining("too far ahead");
            assertThatThrownBy(() -> site.consult.bookings().book(new BookingCommand("nobody", TEN, "Mars/Olympus",
                    "", "not-an-email", "x", "200", "", "", List.of("unknown"), true, false)))
                    .isInstanceOfSatisfying(Invalid.class, invalid -> assertThat(invalid.problems())
                            .extracting(p -> p.field())
                            .contains("tz", "name", "email", "phone", "age", "complaint", "duration", "redFlags", "consent"));
            assertThatThrownBy(() -> site.consult.bookings().book(new BookingCommand("nobody", TEN, "UTC", "A",
                    "a@example.org", "123456", "30", "x", "y", List.of(), true, true)))
                    .isInstanceOf(Invalid.class).hasMessageContaining("doctors");

            assertThat(activeBookings(site)).isZero();
            assertThat(MailOutbox.all(site)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void confirmsWithCalendarInviteVideoRoomAndSignedLinkThatCancels(TestDatabase kind) {
        TestClock clock = TestClock.at(ConsultSite.MONDAY_EARLY);
        try (TestSite test = TestSite.open(kind, temp, clock)) {
            Site site = test.site();
            Doctor doctor = ConsultSite.doctor(site);
            Booked booked = site.consult.bookings().book(request("2026-03-04T10:00:00Z", "priya@example.org"));

            MailOutbox.Mail mail = MailOutbox.ofKind(site, ConsultMail.BOOKED).get(0);
            assertThat(mail.recipient()).isEqualTo("priya@example.org");
            assertThat(mail.text()).contains("Wednesday 4 March 2026 at 15:30 (Asia/Kolkata time)", booked.videoUrl(),
                    booked.manageUrl()).doesNotContain(ConsultSite.COMPLAINT);
            assertThat(booked.videoUrl()).matches("https://meet\\.jit\\.si/Vertebra-[0-9a-f]{32}");
            assertThat(attachments(site)).contains("BEGIN:VCALENDAR", "DTSTART:20260304T100000Z", "DTEND:20260304T103000Z");
            assertThat(site.consult.bookings().freeSlots(doctor, LocalDate.of(2026, 3, 4), LocalDate.of(2026, 3, 4), ConsultSite.LONDON))
                    .extracting(Slot::start).doesNotContain(at("2026-03-04T10:00:00Z"));

            String query = booked.manageUrl().substring(booked.manageUrl().indexOf('?') + 1);
            String id = param(query, "b");
            String start = param(query, "t");
            String signature = param(query, "s");
            assertThat(site.consult.bookings().managed(id, start, signature.substring(1) + "A").check()).isEqualTo(ManageLinks.Check.TAMPERED);
            assertThat(site.consult.bookings().managed(id, Long.toString(Long.parseLong(start) + 1800_000), signature).check())
                    .isEqualTo(ManageLinks.Check.TAMPERED);
            assertThat(site.consult.bookings().managed(Long.toString(Long.parseLong(id) + 1), start, signature).check())
                    .isEqualTo(ManageLinks.Check.TAMPERED);

            PatientBookings.Managed managed = site.consult.bookings().managed(id, start, signature);
            assertThat(managed.valid()).isTrue();
            assertThat(site.consult.bookings().cancel(managed)).isTrue();
            assertThat(site.consult.bookings().cancel(site.consult.bookings().managed(id, start, signature))).isFalse();
            assertThat(MailOutbox.ofKind(site, ConsultMail.CANCELLED)).hasSize(1);
            assertThat(site.consult.bookings().freeSlots(doctor, LocalDate.of(2026, 3, 4), LocalDate.of(2026, 3, 4), ConsultSite.LONDON))
                    .extracting(Slot::start).contains(at("2026-03-04T10:00:00Z"));
        }
    }

    @Test
    void movesByTheLinkUntilTheCutOffAndOldLinksStopWorking() {
        TestClock clock = TestClock.at(ConsultSite.MONDAY_EARLY);
        try (TestSite test = TestSite.open(TestDatabase.SQLITE, temp, clock)) {
            Site site = test.site();
            ConsultSite.doctor(site);
            Booked booked = site.consult.bookings().book(request("2026-03-04T10:00:00Z", "priya@example.org"));
            Booked other = site.consult.bookings().book(request("2026-03-04T11:00:00Z", "sam@example.org"));
            String query = booked.manageUrl().substring(booked.manageUrl().indexOf('?') + 1);
            PatientBookings.Managed managed = site.consult.bookings().managed(param(query, "b"), param(query, "t"), param(query, "s"));

            assertThatThrownBy(() -> site.consult.bookings().reschedule(managed, other.booking().start()))
                    .isInstanceOf(SlotTaken.class);
            Booked moved = site.consult.bookings().reschedule(managed, at("2026-03-04T14:00:00Z"));

            assertThat(moved.booking().start()).isEqualTo(at("2026-03-04T14:00:00Z"));
            assertThat(site.consult.bookings().managed(param(query, "b"), param(query, "t"), param(query, "s")).check())
                    .isEqualTo(ManageLinks.Check.MOVED);
            assertThat(MailOutbox.ofKind(site, ConsultMail.BOOKED)).hasSize(3);

            String otherQuery = other.manageUrl().substring(other.manageUrl().indexOf('?') + 1);
            clock.advance(Duration.ofHours(30)); // Tuesday noon: 23 hours before the 11:00 consultation
            PatientBookings.Managed late = site.consult.bookings().managed(param(otherQuery, "b"), param(otherQuery, "t"), param(otherQuery, "s"));
            assertThat(late.valid()).isTrue();
            assertThat(late.changeable()).isFalse();
            assertThat(site.consult.bookings().cancel(late)).isFalse();
        }
    }

    @Test
    void sendsEachReminderOnceAcrossARestart() {
        TestClock clock = TestClock.at(ConsultSite.MONDAY_EARLY);
        TestDatabase.Created db = TestDatabase.SQLITE.create(temp);
        org.vertebra.app.Settings settings = org.vertebra.support.TestSite.settings(db, temp);
        try (Site site = Site.open(settings, clock)) {
            ConsultSite.doctor(site);
            site.consult.bookings().book(request("2026-03-03T10:00:00Z", "priya@example.org"));
            clock.advance(Duration.ofHours(2)); // 08:00 Monday: more than 24 hours before
            assertThat(site.consult.jobs().sendDueReminders()).isZero();
            clock.advance(Duration.ofHours(3)); // 11:00 Monday: within 24 hours
            assertThat(site.consult.jobs().sendDueReminders()).isEqualTo(1);
            assertThat(site.consult.jobs().sendDueReminders()).isZero();
        }
        try (Site restarted = Site.open(settings, clock); Site second = Site.open(settings, clock)) {
            assertThat(restarted.consult.jobs().sendDueReminders() + second.consult.jobs().sendDueReminders()).isZero();
            clock.advance(Duration.ofHours(22).plusMinutes(10)); // 09:10 Tuesday: within the hour
            assertThat(restarted.consult.jobs().sendDueReminders() + second.consult.jobs().sendDueReminders()).isEqualTo(1);
            assertThat(restarted.consult.jobs().sendDueReminders() + second.consult.jobs().sendDueReminders()).isZero();
            assertThat(MailOutbox.ofKind(restarted, ConsultMail.REMINDER)).extracting(MailOutbox.Mail::subject)
                    .containsExactly("Reminder: video consultation tomorrow", "Reminder: video consultation in an hour");
        }
    }

    @Test
    void skipsTheDayReminderForABookingMadeWithinADay() {
        TestClock clock = TestClock.at(ConsultSite.MONDAY_EARLY);
        try (TestSite test = TestSite.open(TestDatabase.SQLITE, temp, clock)) {
            Site site = test.site();
            ConsultSite.doctor(site);
            site.consult.bookings().book(request("2026-03-02T15:00:00Z", "priya@example.org"));

            assertThat(site.consult.jobs().sendDueReminders()).isZero();
            clock.advance(Duration.ofHours(8).plusMinutes(30));
            assertThat(site.consult.jobs().sendDueReminders()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void keepsIntakeAndNotesOnlyEncryptedInTheDatabase(TestDatabase kind) throws Exception {
        TestClock clock = TestClock.at(ConsultSite.MONDAY_EARLY);
        try (TestSite test = TestSite.open(kind, temp, clock)) {
            Site site = test.site();
            ConsultSite.doctor(site);
            Booked booked = site.consult.bookings().book(request("2026-03-04T10:00:00Z", "priya@example.org"));
            site.consult.agenda().saveNotes(booked.booking().id(), "Suspect patellofemoral pain; physiotherapy referral");

            List<String> raw = site.database.jdbi().withHandle(h -> h.createQuery("SELECT intake, notes FROM consult_bookings")
                    .map((rs, ctx) -> rs.getString(1) + " " + rs.getString(2)).list());
            assertThat(raw).hasSize(1);
            assertThat(raw.get(0)).startsWith("v1.").doesNotContain("knee", "stairs", "patellofemoral", "night-pain");
            if (kind == TestDatabase.SQLITE) {
                site.database.jdbi().useHandle(h -> h.execute("PRAGMA wal_checkpoint(FULL)"));
                for (Path file : List.of(temp.resolve("test.db"), temp.resolve("test.db-wal"))) {
                    if (Files.exists(file)) {
                        String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                        assertThat(bytes).doesNotContain("climbing stairs").doesNotContain("patellofemoral");
                        assertThat(bytes).contains("priya@example.org"); // the file is the one written
                    }
                }
            }
            long doctorUser = site.accounts.addUser("doctor@example.org", "Dr Test", AccountRole.DOCTOR, "a long enough password").id();
            if (kind == TestDatabase.POSTGRES) {
                String dump = pgDump(site.settings);
                assertThat(dump).contains("priya@example.org", "v1.");
                assertThat(dump).doesNotContain("climbing stairs").doesNotContain("patellofemoral");
            }
            DoctorAgenda.Consultation opened = site.consult.agenda().open(booked.booking().id(), doctorUser, "Dr Test").orElseThrow();
            assertThat(opened.intake().complaint()).isEqualTo(ConsultSite.COMPLAINT);
            assertThat(opened.intake().redFlags()).containsExactly("night-pain");
            assertThat(opened.notes()).startsWith("Suspect");
            assertThat(site.consult.agenda().viewLog()).extracting(ConsultRepository.View::userName).containsExactly("Dr Test");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void erasesHealthDataAfterTheRetentionPeriodAndOnRequest(TestDatabase kind) {
        TestClock clock = TestClock.at(ConsultSite.MONDAY_EARLY);
        try (TestSite test = TestSite.open(kind, temp, clock)) {
            Site site = test.site();
            ConsultSite.doctor(site);
            Booked first = site.consult.bookings().book(request("2026-03-04T10:00:00Z", "priya@example.org"));
            site.consult.bookings().book(request("2026-03-05T10:00:00Z", "sam@example.org"));
            site.consult.agenda().saveNotes(first.booking().id(), "notes");

            clock.advance(Duration.ofDays(364));
            assertThat(site.consult.jobs().eraseExpiredHealthData()).isZero();
            clock.advance(Duration.ofDays(3).plusHours(5)); // 365 days after the first ended, not yet the second
            assertThat(site.consult.jobs().eraseExpiredHealthData()).isEqualTo(1);

            long admin = site.accounts.addUser("admin@example.org", "Admin", AccountRole.ADMIN, "a long enough password").id();
            DoctorAgenda.Consultation erased = site.consult.agenda().open(first.booking().id(), admin, "Admin").orElseThrow();
            assertThat(erased.intake()).isNull();
            assertThat(erased.notes()).isNull();
            assertThat(erased.booking().erasedAt()).isNotNull();
            assertThat(erased.booking().start()).isEqualTo(at("2026-03-04T10:00:00Z")); // the appointment record stays

            assertThat(site.consult.jobs().export("SAM@example.org")).singleElement()
                    .satisfies(e -> assertThat(e.intake().complaint()).isEqualTo(ConsultSite.COMPLAINT));
            assertThat(site.consult.jobs().erase("sam@example.org")).isEqualTo(1);
            assertThat(site.consult.jobs().export("sam@example.org")).isEmpty();
        }
    }

    /** The database as pg_dump writes it (data only), the form a backup takes. */
    static String pgDump(org.vertebra.app.Settings settings) throws Exception {
        java.net.URI uri = java.net.URI.create(settings.dbUrl().substring("jdbc:".length()));
        ProcessBuilder pb = new ProcessBuilder("pg_dump", "--data-only", "-h", uri.getHost(), "-p",
                Integer.toString(uri.getPort() == -1 ? 5432 : uri.getPort()), "-U", settings.dbUser(), uri.getPath().substring(1));
        pb.environment().put("PGPASSWORD", settings.dbPassword());
        pb.redirectErrorStream(true);
        Process process = pb.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(out).isZero();
        return out;
    }

    private static int activeBookings(Site site) {
        return site.database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM consult_bookings WHERE cancelled_at IS NULL")
                .mapTo(Integer.class).one());
    }

    private static String attachments(Site site) {
        return site.database.jdbi().withHandle(h -> h.createQuery(
                "SELECT attachments_json FROM mail_outbox WHERE kind = 'consult-booked'").mapTo(String.class).one());
    }

    static String param(String query, String name) {
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                return java.net.URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no " + name + " in " + query);
    }
}
