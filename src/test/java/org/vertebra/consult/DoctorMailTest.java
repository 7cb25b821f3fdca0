package org.vertebra.consult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vertebra.support.ServerWithSmtp.subject;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vertebra.support.DoctorWithSmtp;
import org.vertebra.support.MailOutbox;
import org.vertebra.support.PublicForm;
import org.vertebra.support.TestDoctor;
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.WebClient;

/**
 * What the doctor hears, delivered over SMTP (GreenMail): a notice of each booking, move and
 * cancellation with a link to the consultation and no health data; an emergency-level warning sign
 * in a mail of its own at once; the morning agenda, once per day however many servers run the job.
 */
class DoctorMailTest {

    private static final String PATIENT = "priya@example.org";
    private static final String PHONE = "020 7946 0000";

    @TempDir
    Path temp;

    @AutoClose
    private DoctorWithSmtp clinic;

    private void start(TestDatabase kind) {
        clinic = DoctorWithSmtp.start(kind, temp);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theDoctorHearsOfABookingAMoveACancellationAndOfAnEmergencySignAtOnce(TestDatabase kind) throws Exception {
        start(kind);
        Doctor doctor = clinic.doctor();
        WebClient patient = new WebClient(clinic.server());
        String path = "/teleconsult/book/?doctor=" + doctor.slug() + "&start=2026-03-03T09:00:00Z&tz=Europe/London";
        Map<String, String> form = PublicForm.fields(patient, path, clinic.clock(), "doctor", doctor.slug(), "tz", "Europe/London",
                "start", "2026-03-03T09:00:00Z", "name", "Priya Shah", "email", PATIENT, "phone", PHONE, "age", "42",
                "complaint", ConsultSite.COMPLAINT, "duration", "1 to 4 weeks", "redFlags", "bladder-bowel", "consent", "yes",
                "acknowledged", "yes");
        HttpResponse<String> booked = patient.post("/teleconsult/book/", form);
        assertThat(booked.statusCode()).as(booked.body()).isIn(200, 303);
        long id = clinic.site().consult.agenda().agenda(doctor, java.time.LocalDate.of(2026, 3, 3)).get(0).id();
        String detail = "http://vertebra.test/admin/consult/" + id + "/";

        List<MimeMessage> toDoctor = clinic.delivered(TestDoctor.EMAIL, 2);
        MimeMessage notice = toDoctor.stream().filter(m -> subject(m).startsWith("New consultation")).findFirst().orElseThrow();
        MimeMessage urgent = toDoctor.stream().filter(m -> subject(m).startsWith("URGENT")).findFirst().orElseThrow();
        assertThat(subject(notice)).isEqualTo("New consultation: Tuesday 3 March 2026 at 09:00 (Emergency warning sign)");
        assertThat(subject(urgent)).isEqualTo("URGENT: emergency warning sign in a consultation booked for Tuesday 3 March 2026 at 09:00");
        assertThat(urgent.getHeader("Importance")).containsExactly("high");
        assertThat(urgent.getHeader("X-Priority")).containsExactly("1");
        for (MimeMessage mail : toDoctor) {
            assertThat(GreenMailUtil.getBody(mail)).contains(detail)
                    .doesNotContain(ConsultSite.COMPLAINT, "Priya", PATIENT, PHONE, "bladder");
        }

        // The patient's confirmation: the invitation card beside the text, and the same file attached.
        MimeMessage confirmation = clinic.delivered(PATIENT, 1).get(0);
        MimeMultipart mixed = (MimeMultipart) confirmation.getContent();
        assertThat(mixed.getContentType()).startsWith("multipart/mixed");
        MimeMultipart alternative = (MimeMultipart) mixed.getBodyPart(0).getContent();
        assertThat(alternative.getContentType()).startsWith("multipart/alternative");
        assertThat(alternative.getBodyPart(0).getContentType()).startsWith("text/plain");
        BodyPart card = alternative.getBodyPart(alternative.getCount() - 1);
        assertThat(card.getContentType()).startsWith("text/calendar").contains("method=REQUEST");
        assertThat(GreenMailUtil.getBody(card)).contains("METHOD:REQUEST", "ORGANIZER;CN=\"Dr Asha Raman\":mailto:clinic@vertebra.test");
        BodyPart file = mixed.getBodyPart(1);
        assertThat(file.getFileName()).isEqualTo("consultation.ics");
        assertThat(file.getDisposition()).isEqualTo(jakarta.mail.Part.ATTACHMENT);
        assertThat(file.getContentType()).contains("method=REQUEST");

        // The patient moves it, then cancels it (their pages are tested in ConsultPagesTest; here, what the doctor hears).
        String link = MailOutbox.ofKind(clinic.site(), ConsultMail.BOOKED).get(0).link("http://vertebra.test/teleconsult/manage/");
        Booked moved = clinic.site().consult.bookings().reschedule(managed(link), Instant.parse("2026-03-04T10:00:00Z"));
        MimeMessage movedNotice = clinic.delivered(TestDoctor.EMAIL, 3).stream().filter(m -> subject(m).startsWith("Consultation moved")).findFirst()
                .orElseThrow();
        assertThat(subject(movedNotice)).isEqualTo("Consultation moved to Wednesday 4 March 2026 at 10:00");
        assertThat(GreenMailUtil.getBody(movedNotice)).contains("moved by the patient", "from Tuesday 3 March 2026 at 09:00", detail);
        assertThat(clinic.site().consult.bookings().cancel(managed(moved.manageUrl()))).isTrue();
        MimeMessage cancelNotice = clinic.delivered(TestDoctor.EMAIL, 4).stream().filter(m -> subject(m).startsWith("Consultation cancelled"))
                .findFirst().orElseThrow();
        assertThat(subject(cancelNotice)).isEqualTo("Consultation cancelled: Wednesday 4 March 2026 at 10:00");
        assertThat(GreenMailUtil.getBody(cancelNotice)).contains("cancelled by the patient", detail).doesNotContain("Priya");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theMorningAgendaGoesOutOncePerDayAtTheDoctorsHourWhateverTheServers(TestDatabase kind) throws Exception {
        start(kind);
        WebClient web = new WebClient(clinic.server()).signIn(TestDoctor.EMAIL, TestDoctor.PASSWORD);
        String csrf = web.csrfToken("/admin/consult/agenda-mail/");
        HttpResponse<String> saved = web.post("/admin/consult/agenda-mail/", Map.of("_csrf", csrf, "doctor",
                Long.toString(clinic.doctor().id()), "hour", "7"));
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(web.page("/admin/consult/agenda-mail/").select("select#hour option[selected]").attr("value")).isEqualTo("7");
        assertThat(web.page("/admin/consult/?date=2026-03-03").text()).contains("Morning agenda mail: on, at 07:00");

        var consult = clinic.site().consult;
        TestClock clock = clinic.clock();
        consult.bookings().book(request("2026-03-03T09:00:00Z", "sam@example.org", List.of()));
        consult.bookings().book(request("2026-03-03T11:30:00Z", PATIENT, List.of("bladder-bowel")));
        consult.bookings().book(request("2026-03-04T09:00:00Z", "kim@example.org", List.of("night-pain")));

        clock.advance(java.time.Duration.between(clock.instant(), Instant.parse("2026-03-03T06:59:00Z")));
        assertThat(consult.jobs().sendDueMorningAgendas()).isZero();

        clock.advance(java.time.Duration.between(clock.instant(), Instant.parse("2026-03-03T07:01:00Z")));
        // Two servers' jobs at the same moment: the day is claimed once.
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = pool.invokeAll(List.<Callable<Integer>>of(consult.jobs()::sendDueMorningAgendas,
                    consult.jobs()::sendDueMorningAgendas));
            int sum = 0;
            for (Future<Integer> run : runs) {
                sum += run.get();
            }
            assertThat(sum).isLessThanOrEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(consult.jobs().sendDueMorningAgendas()).isZero();
        assertThat(MailOutbox.ofKind(clinic.site(), MorningAgenda.KIND)).hasSize(1);

        MimeMessage agenda = clinic.delivered(TestDoctor.EMAIL, 1 + 3 + 1).stream().filter(m -> subject(m).contains("consultations on"))
                .findFirst().orElseThrow();
        assertThat(subject(agenda)).isEqualTo("URGENT sign among today's consultations: 2 consultations on Tuesday 3 March 2026");
        String body = GreenMailUtil.getBody(agenda);
        assertThat(body).contains("09:00-09:30", "11:30-12:00  [Emergency warning sign]", "http://vertebra.test/admin/consult/")
                .doesNotContain("Sam", "Priya", PATIENT, "Wednesday");
        assertThat(body.indexOf("09:00-09:30")).isLessThan(body.indexOf("11:30-12:00"));

        clock.advance(java.time.Duration.between(clock.instant(), Instant.parse("2026-03-04T07:30:00Z")));
        assertThat(consult.jobs().sendDueMorningAgendas()).isEqualTo(1);
        assertThat(MailOutbox.ofKind(clinic.site(), MorningAgenda.KIND)).extracting(MailOutbox.Mail::subject)
                .containsExactly("URGENT sign among today's consultations: 2 consultations on Tuesday 3 March 2026",
                        "Today: 1 consultation on Wednesday 4 March 2026");
    }

    private BookingCommand request(String start, String email, List<String> flags) {
        BookingCommand s = ConsultSite.sent(start, email);
        return new BookingCommand(clinic.doctor().slug(), s.start(), s.zone(), s.name(), s.email(), s.phone(),
                s.age(), s.complaint(), s.duration(), flags, true, true);
    }

    private PatientBookings.Managed managed(String url) {
        String query = url.substring(url.indexOf('?') + 1);
        return clinic.site().consult.bookings().managed(BookingTest.param(query, "b"), BookingTest.param(query, "t"),
                BookingTest.param(query, "s"));
    }
}
